"""Relay-style cursor connections: one shareable PageInfo, opaque keyset cursors, bounded pages."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Generic, TypeVar

import strawberry

from shared.errors import BadUserInput

T = TypeVar("T")
N = TypeVar("N")

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@strawberry.federation.type(shareable=True, description="Where a page sits in a connection")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page")
    has_previous_page: bool = strawberry.field(description="This page continues after a cursor")
    # The first and last edges: their cursors are encoded only if asked for.
    _ends: strawberry.Private[tuple[Any, Any] | None] = None

    @strawberry.field(description="The first edge's cursor; null on an empty page")
    def start_cursor(self) -> str | None:
        return None if self._ends is None else self._ends[0].cursor

    @strawberry.field(description="The last edge's cursor: pass it as `after` for the next page; null on an empty page")
    def end_cursor(self) -> str | None:
        return None if self._ends is None else self._ends[1].cursor


@strawberry.type(description="One item of a page, with the cursor that continues after it")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque; valid only for the list and order that gave it")
    node: T = strawberry.field(description="The item")


@strawberry.type(description="A page of a list, in the list's order")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The page's items")
    page_info: PageInfo = strawberry.field(description="Whether more items follow, and where to continue")
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, over all pages")
    async def total_count(self) -> int:
        return await self._count()


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE_SIZE
    if first < 0 or first > MAX_PAGE_SIZE:
        raise BadUserInput(f"first must be between 0 and {MAX_PAGE_SIZE}", field="first")
    return first


def encode_cursor(list_name: str, values: Sequence[Any]) -> str:
    """Opaque to clients; inside, the list (and order) it belongs to and the sort key of its row."""
    raw = json.dumps([list_name, *values], separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, list_name: str, arity: int = 2, field: str = "after") -> list[Any] | None:
    """The sort-key values a cursor holds; a cursor of another list or order, or one whose values are not what
    a cursor holds (an object, a list, NaN, a number past 64 bits, a long text: a tampered cursor), is bad
    input. Each list then reads its values as its sort key's type (shared.ordering.keyset)."""
    if cursor is None:
        return None
    if len(cursor) > MAX_CURSOR:
        raise BadUserInput("after is not a cursor of this list", field=field)
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()), parse_constant=_not_a_number)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadUserInput("after is not a cursor of this list", field=field) from exc
    if not isinstance(values, list) or len(values) != arity + 1 or values[0] != list_name:
        raise BadUserInput("after is not a cursor of this list and order", field=field)
    if not all(_a_cursor_value(value) for value in values[1:]):
        raise BadUserInput("after is not a cursor of this list and order", field=field)
    return values[1:]


MAX_CURSOR = 2048
_INT64 = 2**63


def _not_a_number(constant: str) -> Any:
    raise ValueError(f"{constant} is not a cursor value")


def _a_cursor_value(value: Any) -> bool:
    """What encode_cursor writes: a text, an integer that fits 64 bits, a number, or null."""
    if value is None or isinstance(value, float):
        return True
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return -_INT64 <= value < _INT64
    return isinstance(value, str) and len(value) <= 1000


@dataclass(frozen=True)
class PageRequest:
    """A validated `first`/`after`: repositories fetch `limit + 1` rows to learn if more follow.
    `list_name` names the list and its order, so a cursor only continues the list that gave it."""

    limit: int
    after: list[Any] | None
    list_name: str = ""

    @classmethod
    def of(cls, first: int | None, after: str | None, list_name: str) -> PageRequest:
        return cls(page_size(first), decode_cursor(after, list_name), list_name)


class _Edge(tuple):  # type: ignore[type-arg]  # an edge is a (node, cursor) pair of any node type
    """An Edge whose cursor is encoded only if it is asked for (most lists ask for the nodes alone):
    (node, list name, cursor_of), a tuple because a page makes a hundred of them."""

    __slots__ = ()
    node = property(itemgetter(0))

    @property
    def cursor(self) -> str:
        return encode_cursor(self[1], self[2](self[0]))


def connection(
    rows: Sequence[N], page: PageRequest, cursor_of: Callable[[N], Sequence[Any]], count: Callable[[], Awaitable[int]]
) -> Connection[Any]:
    """Build a connection from `limit + 1` rows fetched after the cursor."""
    has_next = len(rows) > page.limit
    rows = rows[: page.limit]
    make, list_name = tuple.__new__, page.list_name
    edges: list[Any] = [make(_Edge, (row, list_name, cursor_of)) for row in rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=page.after is not None,
            _ends=(edges[0], edges[-1]) if edges else None,
        ),
        _count=count,
    )
