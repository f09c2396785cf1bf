"""The capacity service: runtime (with its partner consumer) and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from capacity import packages, service
from capacity.events import CATALOGUE, MENU_ACTIVITY_TOPIC, PARTNER_TOPIC
from capacity.models import Base
from capacity.repository import CapacityLoaders
from capacity.schema import schema
from capacity.seed import seed
from capacity.settings import CapacitySettings
from shared.definition import ServiceDefinition
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

PARTNER_EVENTS = ["programmes.partner.registered", "programmes.partner.updated",
                  "programmes.partner.suspended", "programmes.partner.reinstated"]


MENU_ACTIVITY_EVENTS = ["menu.activity.created", "menu.activity.updated", "menu.activity.published",
                        "menu.activity.withdrawn", "menu.activity.archived"]


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {
        "partners": {PARTNER_TOPIC: {t: service.on_partner_changed for t in PARTNER_EVENTS}},
        "menu-activities": {MENU_ACTIVITY_TOPIC: {t: packages.on_activity_changed for t in MENU_ACTIVITY_EVENTS}},
    }
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, CapacityLoaders, consumers=consumers)


SERVICE = ServiceDefinition(
    name="capacity", title="Capacity-building requests", settings=CapacitySettings,
    build_runtime=build_runtime, schema=schema, catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations", seed=seed,
)
create_app = SERVICE.create_app
