"""The programmes service: runtime and FastAPI app."""

from __future__ import annotations

from pathlib import Path

from programmes.events import CATALOGUE
from programmes.models import Base
from programmes.repository import ProgrammesLoaders
from programmes.schema import schema
from programmes.seed import seed
from programmes.settings import ProgrammesSettings
from shared.definition import ServiceDefinition
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, ProgrammesLoaders)


SERVICE = ServiceDefinition(
    name="programmes", title="Partners and programmes", settings=ProgrammesSettings,
    build_runtime=build_runtime, schema=schema, catalogue=CATALOGUE,
    migrations=Path(__file__).parent / "migrations", seed=seed,
)
create_app = SERVICE.create_app
