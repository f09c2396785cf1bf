"""The menu service: runtime and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from menu.events import CATALOGUE
from menu.models import Base
from menu.repository import MenuLoaders
from menu.schema import schema
from menu.seed import seed
from menu.settings import MenuSettings
from shared.definition import ServiceDefinition
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, MenuLoaders)


SERVICE = ServiceDefinition(
    name="menu", title="Partnership Cooperation Menu", settings=MenuSettings,
    build_runtime=build_runtime, schema=schema, catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations", seed=seed,
)
create_app = SERVICE.create_app
