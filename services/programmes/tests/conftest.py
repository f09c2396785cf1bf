"""Programmes test fixtures: the service in-process, seeded with the reference partners."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from programmes.app import SERVICE
from programmes.seed import seed
from shared.testing.harness import ServiceHarness, service_under_test


@pytest.fixture(scope="session")
async def programmes(postgres, broker, topic_prefix) -> AsyncIterator[ServiceHarness]:  # type: ignore[no-untyped-def]
    async with service_under_test(SERVICE, postgres, broker.bootstrap_servers, topic_prefix) as harness:
        await seed(harness.runtime)
        yield harness
