"""The menu service: runtime and FastAPI app."""

from __future__ import annotations

from fastapi import FastAPI
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings
from shared.web.app import create_service_app

from menu.events import CATALOGUE
from menu.models import Base
from menu.repository import MenuLoaders
from menu.schema import schema
from menu.settings import MenuSettings


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, MenuLoaders)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    return create_service_app(build_runtime(settings or MenuSettings()), schema, "Partnership Cooperation Menu")
