"""The programmes service: runtime and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from programmes import planning
from programmes.base import Base
from programmes.events import CATALOGUE
from programmes.programmes.models import Attendance, KnownActivity
from programmes.repository import ProgrammesLoaders
from programmes.schema import schema
from programmes.schema.subscription import PROGRAMME_FEED
from programmes.seed import SEED_STAGES
from programmes.settings import ProgrammesSettings
from programmes.snapshots import SNAPSHOTS
from shared.definition import ServiceDefinition
from shared.events.contracts import MENU_ACTIVITY, MENU_NOMINATION
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "menu-activities": MENU_ACTIVITY.handled_by(planning.on_activity_changed, KnownActivity),
        "menu-nominations": MENU_NOMINATION.handled_by(planning.on_nomination_changed, Attendance),
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        ProgrammesLoaders,
        consumers=consumers,
        live_feeds=[PROGRAMME_FEED],
        snapshots=SNAPSHOTS,
    )


SERVICE = ServiceDefinition(
    name="programmes",
    title="Partners and programmes",
    settings=ProgrammesSettings,
    build_runtime=build_runtime,
    schema=schema,
    catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations",
    seed_stages=SEED_STAGES,
)
create_app = SERVICE.create_app
