"""The writer half of the transactional outbox: events join the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncSession

from shared.events.envelope import CloudEvent, DomainEvent
from shared.events.history import HistoryLog


class OutboxWriter:
    """Events into the outbox, and into the history log (which outlives the outbox), in one transaction."""

    def __init__(self, table: Table, source: str, channel: str, history: HistoryLog) -> None:
        self.table = table
        self.source = source
        self.channel = channel
        self.history = history

    async def append(
        self, session: AsyncSession, events: Sequence[DomainEvent], *, actor: str, traceparent: str | None
    ) -> list[CloudEvent]:
        envelopes = [CloudEvent.new(e, self.source, actor, traceparent) for e in events]
        rows = [
            {
                "event_id": envelope.id,
                "topic": envelope.topic,
                "key": envelope.key,
                "type": envelope.type,
                "source": envelope.source,
                "subject": envelope.subject,
                "time": envelope.time,
                "data": envelope.data,
                "actor": envelope.actor,
                "traceparent": envelope.traceparent,
            }
            for envelope in envelopes
        ]
        await session.execute(self.table.insert(), rows)
        await self.history.record(session, envelopes)
        # Delivered at commit, and only if the transaction commits: the relay wakes then.
        await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": self.channel})
        return envelopes
