"""What makes a service a service: the one declaration its CLI, app and test harness read."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from strawberry.federation import Schema

from shared.events.catalogue import EventCatalogue
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings

Seeder = Callable[[ServiceRuntime], Awaitable[int]]


@dataclass(frozen=True)
class ServiceDefinition:
    name: str
    title: str
    settings: type[ServiceSettings]
    build_runtime: Callable[[ServiceSettings], ServiceRuntime]
    schema: Schema
    catalogue: EventCatalogue
    migrations: Path
    seed: Seeder | None = None

    def create_app(self, settings: ServiceSettings | None = None, runtime: ServiceRuntime | None = None) -> FastAPI:
        from shared.web.app import create_service_app

        runtime = runtime or self.build_runtime(settings or self.settings())
        return create_service_app(runtime, self.schema, self.title)
