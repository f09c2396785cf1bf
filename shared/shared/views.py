"""Read-only views of a table's rows: only the columns a read needs, as named tuples, no ORM state.

A list or an entity batch that a query answers needs neither the identity map nor change tracking,
nor the columns nobody selected (an activity's description is most of its row). A view is a named
tuple over the columns asked for, made once per table and set of columns. Enum columns come back as
their stored text, which equals the Python enum member (our enums are `str` enums) and which GraphQL
serialises the same, so no value is processed in Python.

A view is a `RowView` of its table's model: `shared.graphql.rows.served_from` accepts either.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Enum as SAEnum
from sqlalchemy import Text, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement, Select


class RowView:
    """The base of every view: its subclasses are named tuples of one model's columns."""

    __slots__ = ()
    model: type


class Views:
    """The views of one model's table, one class per set of columns."""

    def __init__(self, model: type, always: Sequence[str] = ("id",)) -> None:
        self.model = model
        self.table = model.__table__  # type: ignore[attr-defined]  # every mapped model has its __table__
        self.always = tuple(always)
        self.base = type(f"{model.__name__}View", (RowView,), {"__slots__": (), "model": model})
        self._classes: dict[tuple[str, ...], type[Any]] = {}
        self._columns: dict[tuple[str, ...], list[ColumnElement[Any]]] = {}

    def columns(self, names: Sequence[str], table: Any = None) -> list[ColumnElement[Any]]:
        """The columns of a view, in its order, read as stored (enums as text); `table` may be an alias."""
        names = self.names(names)
        source = self.table if table is None else table
        if table is None and names in self._columns:
            return self._columns[names]
        columns = [_as_stored(source.c[name], self.table.c[name]) for name in names]
        if table is None:
            self._columns[names] = columns
        return columns

    def names(self, names: Sequence[str]) -> tuple[str, ...]:
        """The columns a view holds: those always needed, then the others asked for, once each, sorted."""
        extra = sorted(set(names) - set(self.always))
        unknown = [name for name in extra if name not in self.table.c]
        if unknown:
            raise KeyError(f"{self.model.__name__} has no columns {unknown}")
        return (*self.always, *extra)

    def view(self, names: Sequence[str]) -> type[Any]:
        names = self.names(names)
        found = self._classes.get(names)
        if found is None:
            tuple_class = namedtuple(f"{self.model.__name__}Row", names)  # type: ignore[misc]  # the row type's fields are the view's columns, known at run time only
            found = self._classes[names] = type(
                f"{self.model.__name__}View", (tuple_class, self.base), {"__slots__": ()}
            )
        return found

    def select(self, names: Sequence[str]) -> Select[Any]:
        from sqlalchemy import select

        return select(*self.columns(names))

    async def all(self, session: AsyncSession, statement: Select[Any], names: Sequence[str]) -> list[Any]:
        """The rows of a statement whose columns are `self.columns(names)`, as views."""
        view = self.view(names)
        make = tuple.__new__
        return [make(view, row) for row in await session.rows(statement)]  # type: ignore[attr-defined]  # the session is a SerialSession (shared.db), typed as its base


def _as_stored(column: Any, table_column: Any) -> ColumnElement[Any]:
    if isinstance(table_column.type, SAEnum):
        return type_coerce(column, Text).label(table_column.name)
    return column
