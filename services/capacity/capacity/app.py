"""The capacity service: runtime (with its partner consumer) and FastAPI app."""

from __future__ import annotations

from fastapi import FastAPI
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings
from shared.web.app import create_service_app

from capacity import service
from capacity.events import CATALOGUE, PARTNER_TOPIC
from capacity.models import Base
from capacity.repository import CapacityLoaders
from capacity.schema import schema
from capacity.settings import CapacitySettings

PARTNER_EVENTS = ["programmes.partner.registered", "programmes.partner.updated",
                  "programmes.partner.suspended", "programmes.partner.reinstated"]


def build_runtime(settings: ServiceSettings) -> ServiceRuntime:
    consumers = {"partners": {PARTNER_TOPIC: {t: service.on_partner_changed for t in PARTNER_EVENTS}}}
    return ServiceRuntime(settings, Base.metadata, CATALOGUE, CapacityLoaders, consumers=consumers)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    return create_service_app(build_runtime(settings or CapacitySettings()), schema, "Capacity-building requests")
