"""Republish: every aggregate's current state again, as `<service>.<aggregate>.snapshot` events.

For a new or emptied cluster (an in-memory broker restarted, a topic lost) and for subscribers that
start late. A snapshot carries the aggregate's current version, so a reader that already holds it
changes nothing. Snapshots go through the outbox like every event (in batches, one transaction each),
so they reach the broker in order with the changes around them, whenever the broker is there; they
do not enter the aggregates' histories, since nothing changed.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import REPUBLISHING
from shared.events.envelope import SNAPSHOT, DomainEvent

__all__ = ["BATCH", "SNAPSHOT", "Snapshots", "republish"]  # SNAPSHOT: the verb the services' snapshots use

log = logging.getLogger(__name__)

BATCH = 200


@dataclass(frozen=True)
class Snapshots:
    """How a service tells one topic's aggregates again: their key and change-time columns, and how to make the
    snapshot events of a batch of keys (verb `snapshot`, the same builders as every other event)."""

    topic: str
    key: Any  # the aggregate's key column, e.g. Activity.id
    changed_at: Any  # its updated_at column, for `since`
    events: Callable[[AsyncSession, Sequence[Any]], Awaitable[list[DomainEvent]]]

    async def keys(self, session: AsyncSession, since: datetime | None, after: Any, limit: int) -> list[Any]:
        statement = select(self.key).order_by(self.key).limit(limit)
        if since is not None:
            statement = statement.where(self.changed_at >= since)
        if after is not None:
            statement = statement.where(self.key > after)
        return list((await session.scalars(statement)).all())


async def republish(
    runtime: Any,
    sources: Sequence[Snapshots],
    since: datetime | None = None,
    topics: Sequence[str] | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Write a snapshot of every aggregate of `sources` (those changed since `since`, or all) to the outbox;
    returns how many per topic. `topics` narrows it to some of the service's topics."""
    told: dict[str, int] = {}
    for source in sources:
        if topics and source.topic not in topics:
            continue
        told[source.topic], after = 0, None
        while True:
            async with runtime.sessionmaker() as session:
                keys = await source.keys(session, since, after, BATCH)
                if not keys:
                    break
                async with runtime.unit_of_work(session, REPUBLISHING) as uow:
                    for event in await source.events(session, keys):
                        uow.publish(event)
            after = keys[-1]
            told[source.topic] += len(keys)
            if progress is not None:
                progress(source.topic, told[source.topic])
        log.info("republished %d %s snapshots", told[source.topic], source.topic)
    return told
