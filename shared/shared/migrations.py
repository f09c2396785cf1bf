"""Alembic, once: every service's env.py calls run_migrations, and the CLI calls upgrade."""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import command, context, op
from alembic.config import Config
from sqlalchemy import MetaData, pool, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db import NAMING_CONVENTION
from shared.events.history import add_history_table
from shared.events.tables import add_event_tables, add_idempotency_table, add_owner_epoch_table

MIGRATION_LOCK = zlib.crc32(b"partnership-hub:migrations")  # advisory locks are per database


def alembic_config(migrations_dir: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(migrations_dir: Path, database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(migrations_dir, database_url), revision)


def downgrade(migrations_dir: Path, database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(migrations_dir, database_url), revision)


def create_event_tables() -> None:
    """The outbox and inbox, as shared.events.tables defines them; for a service's first migration.

    A later change to these tables needs a migration of its own in every service.
    """
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    add_event_tables(metadata)
    metadata.create_all(op.get_bind())


def create_history_log(private: Mapping[str, Sequence[str]]) -> None:
    """The aggregates' history log (shared.events.history), filled from what the outbox still holds, less
    each topic's private fields (`private`: the catalogue's, as they stood when the migration was written)."""
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    add_history_table(metadata)
    metadata.create_all(op.get_bind())
    state = "data"
    for topic, fields in private.items():
        state = f"CASE WHEN topic = '{topic}' THEN data - ARRAY{list(fields)!r}::text[] ELSE {state} END"
    op.execute(f"""
        INSERT INTO aggregate_history (aggregate, aggregate_id, version, event_id, type, time, actor, state)
        SELECT split_part(type, '.', 2), key,
               CASE WHEN jsonb_typeof(data -> 'version') = 'number' THEN (data ->> 'version')::int END,
               event_id, type, time, actor, {state}
        FROM outbox ORDER BY seq""")


def drop_history_log() -> None:
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    add_history_table(metadata)
    metadata.drop_all(op.get_bind())


def add_owner_standing(copies: Sequence[str]) -> None:
    """The owner's epoch (one row, epoch 1), and on each copy of another service's aggregates (`copies`) the
    owner's epoch and time of the state it holds (shared.readmodel.OwnerStandingColumns)."""
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    epoch = add_owner_epoch_table(metadata)
    metadata.create_all(op.get_bind())
    op.execute(epoch.insert().values(epoch=1))
    for table in copies:
        op.add_column(table, sa.Column("owner_epoch", sa.Integer(), server_default="1", nullable=False))
        op.add_column(table, sa.Column("owner_time", sa.DateTime(timezone=True), nullable=True))


def drop_owner_standing(copies: Sequence[str]) -> None:
    for table in copies:
        op.drop_column(table, "owner_time")
        op.drop_column(table, "owner_epoch")
    op.drop_table("owner_epoch")


def create_idempotency_keys() -> None:
    """Mutations' outcomes by Idempotency-Key (shared.web.idempotency)."""
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    add_idempotency_table(metadata)
    metadata.create_all(op.get_bind())


def drop_idempotency_keys() -> None:
    op.drop_table("idempotency_key")


def drop_event_tables() -> None:
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    add_event_tables(metadata)
    metadata.drop_all(op.get_bind())


def run_migrations(metadata: MetaData) -> None:
    """The body of every service's migrations/env.py."""
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("alembic_config sets sqlalchemy.url: run migrations through shared.migrations.upgrade")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return

    def migrate(connection: Connection) -> None:
        context.configure(connection=connection, target_metadata=metadata, compare_type=True)
        with context.begin_transaction():
            # Replicas starting together (init containers, Jobs) migrate one at a time: the others wait here,
            # then read the version the first one committed and find nothing left to do.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            context.run_migrations()

    async def run() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool)
        async with engine.connect() as connection:
            await connection.run_sync(migrate)
        await engine.dispose()

    asyncio.run(run())
