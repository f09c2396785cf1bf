"""The capacity service: runtime (with its partner consumer) and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from capacity import packages, service
from capacity.events import CATALOGUE
from capacity.models import Attendance, Base, KnownActivity, KnownPartner
from capacity.repository import CapacityLoaders
from capacity.schema import schema
from capacity.schema.eadrcc import ASSISTANCE_FEED
from capacity.schema.subscription import REQUEST_FEED
from capacity.seed import SEED_STAGES
from capacity.settings import CapacitySettings
from capacity.snapshots import SNAPSHOTS
from shared.definition import ServiceDefinition
from shared.events.contracts import MENU_ACTIVITY, MENU_NOMINATION, PROGRAMMES_PARTNER
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": PROGRAMMES_PARTNER.handled_by(service.on_partner_changed, KnownPartner),
        "menu-activities": MENU_ACTIVITY.handled_by(packages.on_activity_changed, KnownActivity),
        "menu-nominations": MENU_NOMINATION.handled_by(packages.on_nomination_changed, Attendance),
    }
    return ServiceRuntime(
        settings,
        Base.metadata,
        CATALOGUE,
        CapacityLoaders,
        consumers=consumers,
        live_feeds=[REQUEST_FEED, ASSISTANCE_FEED],
        snapshots=SNAPSHOTS,
    )


SERVICE = ServiceDefinition(
    name="capacity",
    title="Capacity-building requests",
    settings=CapacitySettings,
    build_runtime=build_runtime,
    schema=schema,
    catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations",
    seed_stages=SEED_STAGES,
)
create_app = SERVICE.create_app
