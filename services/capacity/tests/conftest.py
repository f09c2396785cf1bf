"""Capacity test fixtures: the service in-process, and programmes' partner events published as programmes would."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from capacity.app import SERVICE
from shared.events.envelope import DomainEvent
from shared.testing.harness import ServiceHarness, service_under_test
from shared.testing.kafka import publish_as


@pytest.fixture(scope="session")
async def capacity(postgres, broker, topic_prefix) -> AsyncIterator[ServiceHarness]:  # type: ignore[no-untyped-def]
    async with service_under_test(SERVICE, postgres, broker.bootstrap_servers, topic_prefix) as harness:
        yield harness


PublishPartner = Callable[..., Awaitable[None]]


@pytest.fixture
def publish_partner(capacity: ServiceHarness) -> PublishPartner:
    """Publishes a programmes.partner.* event to the real topic, as the programmes service does."""

    async def publish(iso: str, *, suspended: bool = False, version: int = 1, verb: str = "registered",
                      framework: str = "PFP", name: str | None = None) -> None:
        data: dict[str, Any] = {
            "iso": iso, "name": name or f"Partner {iso}", "framework": framework, "suspended": suspended,
            "enhancedOpportunities": False, "ipapSince": None, "dcb": True, "deep": False,
            "version": version, "updatedAt": datetime.now(UTC).isoformat(),
        }
        await publish_as(capacity.settings.kafka_bootstrap_servers, capacity.settings.topic("programmes.partner.v1"),
                         DomainEvent("programmes.partner.v1", f"programmes.partner.{verb}", iso, data),
                         "/partnership-hub/programmes")

    return publish
