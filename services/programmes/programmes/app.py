"""The programmes service: runtime and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from programmes import planning
from programmes.events import CATALOGUE, MENU_ACTIVITY_TOPIC
from programmes.models import Base
from programmes.repository import ProgrammesLoaders
from programmes.schema import schema
from programmes.seed import seed
from programmes.settings import ProgrammesSettings
from shared.definition import ServiceDefinition
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

MENU_ACTIVITY_EVENTS = ["menu.activity.created", "menu.activity.updated", "menu.activity.published",
                        "menu.activity.withdrawn", "menu.activity.archived"]


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {"menu-activities": {MENU_ACTIVITY_TOPIC: {t: planning.on_activity_changed
                                                            for t in MENU_ACTIVITY_EVENTS}}}
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, ProgrammesLoaders, consumers=consumers)


SERVICE = ServiceDefinition(
    name="programmes", title="Partners and programmes", settings=ProgrammesSettings,
    build_runtime=build_runtime, schema=schema, catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations", seed=seed,
)
create_app = SERVICE.create_app
