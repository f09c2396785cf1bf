"""Ordering every list shares: a direction, and keyset pages over (sort value, id)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, QueryableAttribute

from shared.errors import BadUserInput
from shared.graphql.enums import described_enum
from shared.graphql.pagination import PageRequest

R = TypeVar("R")


class Direction(str, Enum):
    ASC = "ASC"
    DESC = "DESC"


described_enum(
    Direction,
    "Ascending or descending",
    {"ASC": "Smallest, earliest or A first", "DESC": "Largest, latest or Z first"},
    name="OrderDirection",
)


@dataclass(frozen=True)
class SortKey(Generic[R]):
    """A column a list sorts by, how a row gives its value to a cursor, and how a cursor gives it back;
    `reads`: the row's attributes `value_of` reads (a view of the row must hold them)."""

    # A mapped attribute (Activity.title) or any expression; both order and compare in SQL alike.
    column: ColumnElement[Any] | QueryableAttribute[Any]
    value_of: Callable[[R], Any]
    parse: Callable[[Any], Any] = lambda value: value
    reads: tuple[str, ...] = ()

    def cursor(self, row: R) -> tuple[Any, str]:
        return self.value_of(row), str(row.id)  # type: ignore[attr-defined]  # every row a list pages has its id


@dataclass(frozen=True)
class Ordering(Generic[R]):
    """A list's order as asked: one of its sort keys and a direction (hashable: loaders batch by it)."""

    field: Enum
    direction: Direction
    sorts: Mapping[Any, SortKey[R]] = dataclass_field(compare=False, hash=False, repr=False, default_factory=dict)

    @property
    def sort(self) -> SortKey[R]:
        return self.sorts[self.field]


# The sort columns' types a cursor's value is checked against (other types, an enum say, are the parser's).
_CHECKED_TYPES = (str, int, float, Decimal, date, datetime)


def _typed(value: Any, column: ColumnElement[Any] | QueryableAttribute[Any]) -> Any:
    """The cursor's sort value, if it is of the column's type (or null): a value of another type would reach
    the database as a statement it refuses."""
    if value is None:
        if getattr(column, "nullable", True) is False:
            raise TypeError("a null where the list sorts by a column that holds none")
        return value
    try:
        expected = column.type.python_type
    except NotImplementedError:  # a type SQLAlchemy cannot name in Python (an expression's, say): the parser's
        return value
    if expected not in _CHECKED_TYPES:
        return value
    if isinstance(value, bool) or not isinstance(value, expected if expected is not float else (int, float)):
        raise TypeError(f"a {type(value).__name__} where the list sorts by a {expected.__name__}")
    return value


def keyset(
    statement: Select[Any],
    sort: SortKey[Any],
    id_column: ColumnElement[Any] | InstrumentedAttribute[Any],
    direction: Direction,
    page: PageRequest,
) -> Select[Any]:
    """The page after the cursor, in order, with one row more than asked (to tell if more follow)."""
    ascending = direction is Direction.ASC
    if page.after is not None:
        try:
            bound = tuple_(_typed(sort.parse(page.after[0]), sort.column), uuid.UUID(str(page.after[1])))
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise BadUserInput("after is not a cursor of this list and order", field="after") from exc
        position = tuple_(sort.column, id_column)
        statement = statement.where(position > bound if ascending else position < bound)
    ordering = (sort.column.asc(), id_column.asc()) if ascending else (sort.column.desc(), id_column.desc())
    return statement.order_by(*ordering).limit(page.limit + 1)
