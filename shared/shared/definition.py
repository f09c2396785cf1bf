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
class SeedStage:
    """One step of a service's development data. Stages of different services interleave (the menu
    names partners that programmes registers, programmes plans the menu's activities), so `make run`
    runs them in an order across services; a stage has run once the outbox holds an event of `marks`."""

    name: str
    run: Seeder
    marks: str


@dataclass(frozen=True)
class ServiceDefinition:
    name: str
    title: str
    settings: type[ServiceSettings]
    build_runtime: Callable[[ServiceSettings], ServiceRuntime]
    schema: Schema
    catalogue: EventCatalogue
    migrations: Path
    seed_stages: tuple[SeedStage, ...] = ()

    def stage(self, name: str) -> SeedStage:
        for stage in self.seed_stages:
            if stage.name == name:
                return stage
        raise ValueError(
            f"{self.name} has no seed stage {name!r}: {', '.join(s.name for s in self.seed_stages) or 'none'}"
        )

    def create_app(self, settings: ServiceSettings | None = None, runtime: ServiceRuntime | None = None) -> FastAPI:
        from shared.web.app import create_service_app

        runtime = runtime or self.build_runtime(settings or self.settings())
        return create_service_app(runtime, self.schema, self.title)
