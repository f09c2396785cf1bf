"""Each service's migrations build exactly the tables its models describe, and go down again cleanly."""

from __future__ import annotations

import asyncio
import importlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

from capacity.app import SERVICE as CAPACITY
from menu.app import SERVICE as MENU
from programmes.app import SERVICE as PROGRAMMES
from shared.definition import ServiceDefinition
from shared.devstack.postgres import EmbeddedPostgres
from shared.migrations import downgrade, upgrade
from shared.testing.harness import migrated_database

# alembic does not compare expression indexes; this one is checked by its own query plan instead.
EXPRESSION_INDEXES = {"ix_activity_next_start_id"}


@pytest.mark.parametrize("service", [MENU, PROGRAMMES, CAPACITY], ids=lambda s: s.name)
async def test_migrations_match_the_models_and_go_down_cleanly(
    postgres: EmbeddedPostgres, service: ServiceDefinition
) -> None:
    url = await migrated_database(postgres, service, name=f"{service.name}_migrations")
    # Complete once the service's app is imported (it imports every concern's models).
    metadata = importlib.import_module(f"{service.name}.base").Base.metadata
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), metadata))
        assert [d for d in diff if not (d[0].endswith("_index") and d[1].name in EXPRESSION_INDEXES)] == []
        await asyncio.to_thread(downgrade, service.migrations, url)
        async with engine.connect() as conn:
            left = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
        assert left == ["alembic_version"]
        await asyncio.to_thread(upgrade, service.migrations, url)
    finally:
        await engine.dispose()
