"""Statement pieces every layer uses (repositories, the history log, the read path): keys as one array
parameter, so a statement has one shape for any number of keys. Depends on SQLAlchemy only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import any_, bindparam, func
from sqlalchemy.dialects.postgresql import ARRAY


def any_of(column: Any, values: Sequence[Any]) -> Any:
    """`column = ANY($1)` with the keys as one array parameter: one statement shape for any count."""
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def unnested(keys: Sequence[tuple[Any, ...]], key_types: Sequence[Any]) -> tuple[Any, list[Any]]:
    """Many composite keys as a table of one array per key column, numbered by position (`ordinal`)."""
    names = [f"key{i}" for i in range(len(key_types))]
    arrays = [bindparam(None, [key[i] for key in keys], type_=ARRAY(kind)) for i, kind in enumerate(key_types)]
    table = func.unnest(*arrays).table_valued(*names, with_ordinality="ordinal").render_derived()
    return table, [table.c[name] for name in names]
