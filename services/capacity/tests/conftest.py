"""Capacity test fixtures: the service in-process, and programmes' partner events published as programmes would."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from capacity.app import SERVICE
from shared.events.envelope import CloudEvent, DomainEvent
from shared.testing.harness import ServiceHarness, service_under_test


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
        event = CloudEvent.new(DomainEvent("programmes.partner.v1", f"programmes.partner.{verb}", iso, data),
                               "/partnership-hub/programmes", actor="test")
        producer = AIOKafkaProducer(bootstrap_servers=capacity.settings.kafka_bootstrap_servers, acks="all")
        await producer.start()
        try:
            await producer.send_and_wait(capacity.settings.topic("programmes.partner.v1"), event.value(),
                                         key=iso.encode(), headers=event.headers())
        finally:
            await producer.stop()

    return publish
