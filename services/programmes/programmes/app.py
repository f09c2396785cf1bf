"""The programmes service: runtime and FastAPI app."""

from __future__ import annotations

from fastapi import FastAPI
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings
from shared.web.app import create_service_app

from programmes.events import CATALOGUE
from programmes.models import Base
from programmes.repository import ProgrammesLoaders
from programmes.schema import schema
from programmes.settings import ProgrammesSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, ProgrammesLoaders)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    return create_service_app(build_runtime(settings or ProgrammesSettings()), schema, "Partners and programmes")
