"""Capacity test fixtures: the service in-process, and programmes' partner events published as programmes would."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from capacity.app import SERVICE
from shared.events.envelope import DomainEvent
from shared.testing.harness import ServiceHarness, service_under_test
from shared.testing.kafka import publish_as
from shared.testing.kafka import publish_partner as publish_partner_event


@pytest.fixture(scope="session")
async def capacity(postgres, broker, topic_prefix, identity) -> AsyncIterator[ServiceHarness]:  # type: ignore[no-untyped-def]
    async with service_under_test(
        SERVICE, postgres, broker.bootstrap_servers, topic_prefix, identity.issuer
    ) as harness:
        yield harness


PublishPartner = Callable[..., Awaitable[None]]


@pytest.fixture
def publish_partner(capacity: ServiceHarness) -> PublishPartner:
    """Publishes a programmes.partner.* event to the real topic, as the programmes service does."""

    async def publish(iso: str, **state: Any) -> None:
        await publish_partner_event(
            capacity.settings.kafka_bootstrap_servers, capacity.settings.topic("programmes.partner.v1"), iso, **state
        )

    return publish


VERB_OF = {"DRAFT": "created", "PUBLISHED": "published", "WITHDRAWN": "withdrawn", "ARCHIVED": "archived"}


@pytest.fixture
def publish_activity(capacity: ServiceHarness) -> Callable[..., Awaitable[str]]:
    """Publishes a menu.activity.* event as the menu does and waits until capacity has applied it."""
    import uuid

    from shared.testing.harness import eventually

    async def publish(
        activity_id: str | None = None,
        *,
        status: str = "PUBLISHED",
        version: int = 2,
        reason: str | None = None,
        pcm_ref: str | None = None,
    ) -> str:
        activity_id = activity_id or str(uuid.uuid4())
        data = {
            "id": activity_id,
            "pcmRef": pcm_ref or f"TST.{uuid.uuid4().int % 100000}",
            "title": "Counter-IED Course",
            "status": status,
            "frameworks": ["MD"],
            "eligiblePartners": [],
            "withdrawalReason": reason,
            "version": version,
        }
        await publish_as(
            capacity.settings.kafka_bootstrap_servers,
            capacity.settings.topic("menu.activity.v1"),
            DomainEvent("menu.activity.v1", f"menu.activity.{VERB_OF[status]}", activity_id, data),
            "/partnership-hub/menu",
        )

        async def known() -> bool:
            from sqlalchemy import text

            async with capacity.runtime.sessionmaker() as session:
                found = await session.scalar(
                    text("SELECT version FROM known_activity WHERE id = :id"), {"id": activity_id}
                )
            return found is not None and found >= version

        await eventually(known)
        return activity_id

    return publish


@pytest.fixture
def known_partner(capacity: ServiceHarness, publish_partner) -> Callable[..., Awaitable[str]]:  # type: ignore[no-untyped-def]
    """A fresh partner capacity has heard of (so tests do not share one partner's requests), or a named one (a
    real country, as Trust Funds and SPS check its code)."""
    import uuid

    from shared.testing.harness import eventually

    async def make(suspended: bool = False, iso: str | None = None) -> str:
        iso = iso or "".join(chr(65 + b % 26) for b in uuid.uuid4().bytes[:3])
        await publish_partner(iso, suspended=suspended)

        async def known() -> bool:
            from sqlalchemy import text

            async with capacity.runtime.sessionmaker() as session:
                return (
                    await session.scalar(text("SELECT 1 FROM known_partner WHERE iso = :iso"), {"iso": iso}) is not None
                )

        await eventually(known)
        return iso

    return make


@pytest.fixture
async def dev_partners(known_partner) -> None:  # type: ignore[no-untyped-def]
    """The development accounts' partners (Georgia, Jordan, Ukraine) and Belarus, suspended, known to capacity."""
    for iso in ("GEO", "JOR", "UKR"):
        await known_partner(iso=iso)
    await known_partner(suspended=True, iso="BLR")
