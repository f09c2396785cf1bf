"""A minimal service for testing the mechanisms themselves: its own database, catalogue and topics."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db import service_metadata
from shared.devstack.postgres import EmbeddedPostgres
from shared.events.catalogue import EventCatalogue
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


class Thing(BaseModel):
    id: str
    n: int


CATALOGUE = EventCatalogue("probe")
THINGS = CATALOGUE.topic("probe.thing.v1", "thing", Thing, ["made"], "things")


@pytest.fixture
async def probe_database(postgres: EmbeddedPostgres) -> AsyncIterator[tuple[str, object]]:
    """A fresh database holding only the outbox and inbox tables."""
    name = f"probe_{uuid.uuid4().hex[:8]}"
    postgres.create_databases([name])
    metadata = service_metadata()
    engine = create_async_engine(postgres.url(name))
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    await engine.dispose()
    yield postgres.url(name), metadata


def probe_runtime(url: str, metadata, bootstrap: str, prefix: str, consumers=None) -> ServiceRuntime:  # type: ignore[no-untyped-def]
    settings = ServiceSettings(
        service_name=f"probe{uuid.uuid4().hex[:6]}",
        database_url=url,
        kafka_bootstrap_servers=bootstrap,
        topic_prefix=prefix,
        outbox_sweep_seconds=0.3,
        consumer_max_attempts=2,
    )
    return ServiceRuntime(settings, metadata, CATALOGUE, lambda session, actor: None, consumers=consumers or {})
