"""Programmes test fixtures: the service in-process, seeded with the reference partners."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from programmes.app import SERVICE
from programmes.seed import seed
from programmes.settings import ProgrammesSettings
from shared.testing.harness import ServiceHarness, migrated_database, running_service


@pytest.fixture(scope="session")
async def programmes(postgres, broker, topic_prefix) -> AsyncIterator[ServiceHarness]:  # type: ignore[no-untyped-def]
    settings = ProgrammesSettings(database_url=await migrated_database(postgres, SERVICE),
                                  kafka_bootstrap_servers=broker.bootstrap_servers,
                                  topic_prefix=topic_prefix, outbox_sweep_seconds=0.5)
    async with running_service(SERVICE, settings) as harness:
        await seed(harness.runtime)
        yield harness
