"""Reads run by the driver itself: a select compiled once per shape, executed by asyncpg.

SQLAlchemy's execution of a select (the ORM's or Core's: cache key, compiled-cache lookup,
parameter and result processing, the greenlet bridge, a transaction around it) costs three times
what asyncpg takes for the same statement, and for a list query that is most of a request. A read
that only needs rows compiles its statement once per shape with SQLAlchemy, then asyncpg runs it
(asyncpg prepares it once per connection) and returns its records, values as the driver decodes
them. Outside a transaction it takes none: one statement, one round trip.

Outside a transaction a read does not use the session's connection at all: it takes one from the
service's own asyncpg pool (`ReadPool`) for that one statement, so a query checks out no SQLAlchemy
connection, begins nothing and rolls nothing back, and sibling loaders read side by side. Inside a
transaction (a mutation that has written) it reads on the transaction's connection, and sees its writes.

A statement whose SQL depends on its values (an expanding `IN`, say) is not kept: it runs through
SQLAlchemy, as before. Statement events (`before_cursor_execute`, `after_cursor_execute`) still
fire, so whatever counts or traces statements sees these too.
"""

from __future__ import annotations

import asyncio
import json
from collections import OrderedDict
from typing import Any, NamedTuple

import asyncpg
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.sql import Select

COMPILED_KEPT = 1000


class CompiledRead(NamedTuple):
    sql: str
    positions: tuple[str, ...]  # bind parameter names in the order of $1, $2...
    compiled: Any


_compiled: OrderedDict[Any, CompiledRead | None] = OrderedDict()


def compiled_read(statement: Select[Any], dialect: Dialect) -> tuple[CompiledRead | None, list[Any]]:
    """The statement's SQL (compiled once per shape) and its parameters for this execution;
    None when its SQL depends on its values."""
    cache_key = statement._generate_cache_key()
    if cache_key is None:
        return None, []
    key = (dialect.name, cache_key.key)
    found: CompiledRead | None
    if key in _compiled:
        found = _compiled[key]
        _compiled.move_to_end(key)
    else:
        compiled = statement.compile(dialect=dialect, cache_key=cache_key)
        expanding = any(bind.expanding or bind.literal_execute for bind in compiled.binds.values())
        found = None if expanding else CompiledRead(str(compiled), tuple(compiled.positiontup or ()), compiled)
        _compiled[key] = found
        if len(_compiled) > COMPILED_KEPT:
            _compiled.popitem(last=False)
    if found is None:
        return None, []
    values = found.compiled.construct_params(extracted_parameters=cache_key.bindparams)
    processors = found.compiled._bind_processors
    arguments = [processors[name](values[name]) if name in processors else values[name] for name in found.positions]
    return found, arguments


async def fetch(
    connection: Connection | None, events: Any, driver_connection: Any, read: CompiledRead, arguments: list[Any]
) -> list[Any]:
    """Runs a compiled read on a driver connection, firing the statement events (`events`: the dispatch of
    the SQLAlchemy connection or engine it stands for) around it."""
    if events is None:
        return await driver_connection.fetch(read.sql, *arguments)
    events.before_cursor_execute(connection, None, read.sql, arguments, None, False)
    try:
        return await driver_connection.fetch(read.sql, *arguments)
    finally:  # failed or not, the statement has ended (a listener's span ends with it)
        events.after_cursor_execute(connection, None, read.sql, arguments, None, False)


async def json_codecs(connection: asyncpg.Connection) -> None:
    """JSON and JSONB decoded as the engine's connections decode them (SQLAlchemy's asyncpg dialect registers
    these codecs on connect and leaves JSON columns to the driver): without them a JSON column read through
    this pool would come back as text, and decoded when the same read runs inside a transaction."""
    await connection.set_type_codec(
        "json",
        encoder=str.encode,
        decoder=lambda value: json.loads(value.decode()),
        schema="pg_catalog",
        format="binary",
    )
    # PostgreSQL's binary JSONB starts with its version byte, 1.
    await connection.set_type_codec(
        "jsonb",
        encoder=lambda value: b"\x01" + value.encode(),
        decoder=lambda value: json.loads(value[1:].decode()),
        schema="pg_catalog",
        format="binary",
    )


class ReadPool:
    """The service's asyncpg pool for reads outside a transaction; opened on first use, in the serving loop."""

    def __init__(self, dsn: str, statement_ms: int | None, size: int = 10) -> None:
        self.dsn = dsn
        self.settings = {"statement_timeout": str(statement_ms)} if statement_ms is not None else {}
        self.size = size
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()

    async def fetch(self, read: CompiledRead, arguments: list[Any], events: Any) -> list[Any]:
        pool = self._pool or await self._open()
        async with pool.acquire() as connection:
            return await fetch(None, events, connection, read, arguments)

    async def _open(self) -> asyncpg.Pool:
        async with self._opening:
            if self._pool is None:
                self._pool = await asyncpg.create_pool(
                    self.dsn, min_size=1, max_size=self.size, server_settings=self.settings, init=json_codecs
                )
        return self._pool

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()
