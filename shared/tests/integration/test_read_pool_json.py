"""The read path's own asyncpg pool decodes JSON and JSONB as the engine's connections do: the same read
answers the same values outside a transaction (the pool) and inside one (the session's connection)."""

from __future__ import annotations

import uuid

from sqlalchemy import Column, Integer, MetaData, Table, insert, select
from sqlalchemy.dialects.postgresql import JSON, JSONB
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db import SerialSession, asyncpg_dsn, create_sessionmaker
from shared.devstack.postgres import EmbeddedPostgres
from shared.reads import ReadPool

DOCUMENTS = Table(
    "documents", MetaData(), Column("id", Integer, primary_key=True), Column("plain", JSON), Column("binary", JSONB)
)
VALUE = {"name": "Geneva", "seats": [20, 30], "open": True, "note": None}


async def test_json_columns_read_alike_through_the_pool_and_inside_a_transaction(postgres: EmbeddedPostgres) -> None:
    name = f"reads_{uuid.uuid4().hex[:8]}"
    postgres.create_databases([name])
    engine = create_async_engine(postgres.url(name))
    pool = ReadPool(asyncpg_dsn(postgres.url(name)), statement_ms=5000)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(DOCUMENTS.metadata.create_all)
            await connection.execute(insert(DOCUMENTS).values(id=1, plain=VALUE, binary=VALUE))
        sessionmaker = create_sessionmaker(engine, reads=pool)
        read = select(DOCUMENTS.c.plain, DOCUMENTS.c.binary).where(DOCUMENTS.c.id == 1)
        async with sessionmaker() as session:
            assert isinstance(session, SerialSession)
            outside = await session.rows(read)  # no transaction: the read pool
            assert pool._pool is not None, "the read went through the pool"
            async with session.begin():
                inside = await session.rows(read)  # the session's own connection
        assert [tuple(row) for row in outside] == [tuple(row) for row in inside] == [(VALUE, VALUE)]
    finally:
        await pool.close()
        await engine.dispose()
