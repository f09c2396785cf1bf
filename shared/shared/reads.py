"""Reads run by the driver itself: a select compiled once per shape, executed by asyncpg.

SQLAlchemy's execution of a select (the ORM's or Core's: cache key, compiled-cache lookup,
parameter and result processing, the greenlet bridge, a transaction around it) costs three times
what asyncpg takes for the same statement, and for a list query that is most of a request. A read
that only needs rows compiles its statement once per shape with SQLAlchemy, then asyncpg runs it
(asyncpg prepares it once per connection) and returns its records, values as the driver decodes
them. Outside a transaction it takes none: one statement, one round trip.

A statement whose SQL depends on its values (an expanding `IN`, say) is not kept: it runs through
SQLAlchemy, as before. Statement events (`before_cursor_execute`, `after_cursor_execute`) still
fire, so whatever counts or traces statements sees these too.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, NamedTuple

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
    found = _compiled.get(key, False)
    if found is False:
        compiled = statement.compile(dialect=dialect, cache_key=cache_key)
        expanding = any(bind.expanding or bind.literal_execute for bind in compiled.binds.values())
        found = None if expanding else CompiledRead(str(compiled), tuple(compiled.positiontup or ()), compiled)
        _compiled[key] = found
        if len(_compiled) > COMPILED_KEPT:
            _compiled.popitem(last=False)
    else:
        _compiled.move_to_end(key)
    if found is None:
        return None, []
    values = found.compiled.construct_params(extracted_parameters=cache_key.bindparams)
    processors = found.compiled._bind_processors
    arguments = [processors[name](values[name]) if name in processors else values[name]
                 for name in found.positions]
    return found, arguments


async def fetch(connection: Connection, driver_connection: Any, read: CompiledRead, arguments: list[Any]) -> list[Any]:
    """Runs a compiled read on the driver's connection, firing the statement events around it."""
    events = connection._has_events or connection.engine._has_events
    if events:
        connection.dispatch.before_cursor_execute(connection, None, read.sql, arguments, None, False)
    records = await driver_connection.fetch(read.sql, *arguments)
    if events:
        connection.dispatch.after_cursor_execute(connection, None, read.sql, arguments, None, False)
    return records  # type: ignore[no-any-return]
