"""The outbox (events waiting for the broker) and the inbox (events a consumer has applied).

Both live in each service's own database, so an event and the change it reports,
or an applied event and its effect, commit in one transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID


def add_event_tables(metadata: MetaData) -> None:
    outbox = Table(
        "outbox",
        metadata,
        Column("seq", BigInteger, Identity(always=True), primary_key=True),
        Column("event_id", UUID(as_uuid=True), nullable=False, unique=True),
        Column("topic", Text, nullable=False),
        Column("key", Text, nullable=False),
        Column("type", Text, nullable=False),
        Column("source", Text, nullable=False),
        Column("subject", Text),
        Column("time", DateTime(timezone=True), nullable=False),
        Column("data", JSONB, nullable=False),
        Column("actor", Text),
        Column("traceparent", Text),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("sent_at", DateTime(timezone=True)),
    )
    # The relay reads only what is unsent, in commit order.
    Index("ix_outbox_unsent", outbox.c.seq, postgresql_where=text("sent_at IS NULL"))
    Table(
        "processed_event",
        metadata,
        Column("consumer", Text, primary_key=True),
        Column("event_id", Text, primary_key=True),
        Column("topic", Text, nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


def add_owner_epoch_table(metadata: MetaData) -> Table:
    """The owner's epoch (one row): stamped on every event it publishes (CloudEvents `ownerepoch`), so that its
    copies take its states over what they hold once it starts a new epoch (after a restore from a backup)."""
    return Table(
        "owner_epoch",
        metadata,
        Column("epoch", Integer, nullable=False, server_default=text("1")),
        Column("started_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("single", Boolean, primary_key=True, server_default=text("true")),
        CheckConstraint("single", name="one_row"),
    )


def add_idempotency_table(metadata: MetaData) -> Table:
    """A mutation's outcome by its caller's Idempotency-Key (shared.web.idempotency): purged after a day."""
    table = Table(
        "idempotency_key",
        metadata,
        Column("subject", Text, primary_key=True),  # the caller: the access token's subject
        Column("key", Text, primary_key=True),
        Column("request_hash", Text, nullable=False),  # the document, operation name and variables
        Column("attempt", Text, nullable=False),  # which attempt holds the claim (a retry may take a dead one's)
        Column("state", Text, nullable=False),  # running, done
        Column("committed", Boolean, nullable=False, server_default=text("false")),  # with the change itself
        Column("status", Integer),  # the HTTP status answered
        Column("response", JSONB),
        Column("lease_until", DateTime(timezone=True), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    Index("ix_idempotency_key_created_at", table.c.created_at)
    return table
