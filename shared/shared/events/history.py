"""Every aggregate's history: an append-only log of its states, one row per event, kept for good.

Written by the outbox writer in the transaction of the change it records, from the same event
data subscribers receive, less the fields a topic marks private (personal data never enters it).
The outbox is purged once sent; this log never is. What changed between two versions is worked
out when it is read, from the states on either side.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncSession

from shared.events.envelope import CloudEvent, is_restatement, is_state_request
from shared.sql import any_of, unnested

# Always different from one version to the next, and shown on the entry itself.
NOT_CHANGES = frozenset({"version", "updatedAt"})


def add_history_table(metadata: MetaData) -> Table:
    table = Table(
        "aggregate_history",
        metadata,
        Column("seq", BigInteger, Identity(always=True), primary_key=True),
        Column("aggregate", Text, nullable=False),
        Column("aggregate_id", Text, nullable=False),
        Column("version", Integer),
        Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
        Column("type", Text, nullable=False),
        Column("time", DateTime(timezone=True), nullable=False),
        Column("actor", Text),
        Column("state", JSONB, nullable=False),
    )
    # An aggregate's history, newest first, a page at a time.
    Index("ix_aggregate_history_aggregate", table.c.aggregate, table.c.aggregate_id, table.c.seq.desc())
    return table


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


def changes_between(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[FieldChange]:
    """The fields whose value differs, in the order of the later state; all of them for the first state."""
    before = before or {}
    return [
        FieldChange(name, before.get(name), value)
        for name, value in after.items()
        if name not in NOT_CHANGES and (name not in before or before[name] != value)
    ]


class HistoryLog:
    """The log's writer and reader; `private` maps a topic to the data fields kept out of it."""

    def __init__(self, table: Table, private: Mapping[str, Sequence[str]]) -> None:
        self.table = table
        self.private = {topic: frozenset(fields) for topic, fields in private.items()}

    def rows(self, envelopes: Sequence[CloudEvent]) -> list[dict[str, Any]]:
        rows = []
        for envelope in envelopes:
            if is_restatement(envelope.type) or is_state_request(envelope.type):
                continue  # told again (republish, a heal), or asked for: nothing changed
            hidden = self.private.get(envelope.topic, frozenset())
            version = envelope.data.get("version")
            rows.append(
                {
                    "aggregate": aggregate_of(envelope.type),
                    "aggregate_id": envelope.key,
                    "version": version if isinstance(version, int) else None,
                    "event_id": envelope.id,
                    "type": envelope.type,
                    "time": envelope.time,
                    "actor": envelope.actor,
                    "state": {k: v for k, v in envelope.data.items() if k not in hidden},
                }
            )
        return rows

    async def record(self, session: AsyncSession, envelopes: Sequence[CloudEvent]) -> None:
        rows = self.rows(envelopes)
        if rows:
            await session.execute(self.table.insert(), rows)


async def history_pages(
    session: AsyncSession, table: Table, aggregate: str, ids: Sequence[str], limit: int, before_seq: int | None
) -> list[list[Any]]:
    """Each aggregate's page of log rows, newest first, in one statement: `limit + 1` rows each, the extra
    one telling whether more follow and what the page's oldest entry changed."""
    if not ids:
        return []
    keys, (key,) = unnested([(i,) for i in ids], [Text])
    per_key = select(table.c.seq, table.c.version, table.c.type, table.c.time, table.c.actor, table.c.state).where(
        table.c.aggregate == aggregate, table.c.aggregate_id == key
    )
    if before_seq is not None:
        per_key = per_key.where(table.c.seq < before_seq)
    lateral = per_key.order_by(table.c.seq.desc()).limit(limit + 1).lateral()
    statement = select(keys.c.ordinal, lateral).select_from(keys).join(lateral, true())
    found: list[list[Any]] = [[] for _ in ids]
    for row in (await session.execute(statement)).all():
        found[row.ordinal - 1].append(row)
    return found


@dataclass(frozen=True)
class LoggedChange:
    """One event's entry of the log and the state before it: what the event changed."""

    event_id: str
    aggregate_id: str
    type: str
    time: Any
    actor: str | None
    state: dict[str, Any]
    changes: list[FieldChange]


async def changes_of_events(session: AsyncSession, table: Table, event_ids: Sequence[str]) -> list[LoggedChange]:
    """What each of these events changed, from its entry and the one before it, in one statement."""
    if not event_ids:
        return []
    before = table.alias("before")
    previous = (
        select(before.c.state)
        .where(
            before.c.aggregate == table.c.aggregate,
            before.c.aggregate_id == table.c.aggregate_id,
            before.c.seq < table.c.seq,
        )
        .order_by(before.c.seq.desc())
        .limit(1)
        .lateral("previous")
    )
    rows = await session.execute(
        select(
            table.c.event_id,
            table.c.aggregate_id,
            table.c.type,
            table.c.time,
            table.c.actor,
            table.c.state,
            previous.c.state.label("before"),
        )
        .select_from(table.outerjoin(previous, true()))
        .where(any_of(table.c.event_id, [uuid.UUID(e) for e in event_ids]))
        .order_by(table.c.seq)
    )
    return [
        LoggedChange(
            str(row.event_id),
            row.aggregate_id,
            row.type,
            row.time,
            row.actor,
            row.state,
            changes_between(row.before, row.state),
        )
        for row in rows.all()
    ]


def aggregate_of(event_type: str) -> str:
    """`menu.activity.published` -> `activity`."""
    return event_type.split(".")[1]
