"""`history(first, after)` on every aggregate: its log (shared.events.history), newest first, a page at a time.

The types are the same in every subgraph (shareable); each service's loaders hold a `HistoryLoaders`,
and each aggregate's type resolves the field with `history_page`, on an object its caller already sees.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import strawberry
from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader
from strawberry.scalars import JSON

from shared.auth import Actor
from shared.errors import BadUserInput
from shared.events.history import changes_between, history_pages
from shared.graphql.arguments import After, First
from shared.graphql.loaders import PagedKey, pages_per_key
from shared.graphql.pagination import PageInfo, PageRequest, decode_cursor, encode_cursor, page_size

HISTORY_LIST = "history"
HISTORY = (
    "Every change, newest first, by cursor pages: version, time, who, the event's type and what changed "
    "(before and after), from the owning service's append-only log"
)
NULL_FOR_OTHERS = "; null for a partner's account reading another partner's"


@strawberry.federation.type(shareable=True, description="One field of an aggregate's data that a change set")
class FieldChange:
    field: str = strawberry.field(description="The field's name, as in the event's data (camelCase)")
    before: JSON | None = strawberry.field(description="Its value before; null when it had none or was new")
    after: JSON | None = strawberry.field(description="Its value after; null when cleared")


@strawberry.federation.type(shareable=True, description="One change of an aggregate, as its event told it")
class HistoryEntry:
    version: int | None = strawberry.field(description="The aggregate's version after the change")
    time: datetime = strawberry.field(description="When the change was committed")
    actor: str | None = strawberry.field(
        description="Who made it (the token's subject and role, or whoever "
        "caused the event a service applied); null where the "
        "caller may not see who"
    )
    type: str = strawberry.field(description="The event's type, e.g. menu.activity.published")
    changes: list[FieldChange] = strawberry.field(
        description="What changed, before and after; every field for the first entry. Personal data never enters it"
    )


@strawberry.federation.type(shareable=True, description="One entry of a history page")
class HistoryEdge:
    cursor: str = strawberry.field(description="Opaque: pass it as `after` for the entries before this one")
    node: HistoryEntry = strawberry.field(description="The entry")


@strawberry.federation.type(shareable=True, description="A page of an aggregate's history, newest first")
class HistoryConnection:
    edges: list[HistoryEdge] = strawberry.field(description="The page's entries")
    page_info: PageInfo = strawberry.field(description="Whether older entries follow, and where to continue")


class HistoryLoaders:
    """Pages of aggregates' histories for one request: one statement per aggregate kind and page asked."""

    def __init__(self, session: AsyncSession, table: Table) -> None:
        self.session = session
        self.table = table
        self._by_aggregate: dict[str, DataLoader[PagedKey[str], list[Any]]] = {}

    def of(self, aggregate: str) -> DataLoader[PagedKey[str], list[Any]]:
        if aggregate not in self._by_aggregate:

            async def fetch(ids: list[str], page: PageRequest) -> list[list[Any]]:
                before = int(page.after[0]) if page.after is not None else None
                return await history_pages(self.session, self.table, aggregate, ids, page.limit, before)

            self._by_aggregate[aggregate] = pages_per_key(fetch)
        return self._by_aggregate[aggregate]


def history_field(
    aggregate: str,
    key: str = "id",
    *,
    shown: Callable[[Actor, Any], bool] | None = None,
    actor_shown: Callable[[Actor], bool] = lambda caller: True,
) -> Any:
    """The `history(first, after)` field of an aggregate's type, read on objects its caller already sees.

    `shown(caller, root)`, when given, hides a whole history (the field is then nullable); `actor_shown`
    hides who acted from callers who may see the changes but not the people behind them."""

    async def resolve(
        root: Any, info: strawberry.Info, first: First = None, after: After = None
    ) -> HistoryConnection | None:
        caller = info.context.actor
        if shown is not None and not shown(caller, root):
            return None
        return await history_page(info, aggregate, getattr(root, key), first, after, actor_shown(caller))

    # Built at run time, for strawberry to read: the root is the parent object, the result nullable only
    # where a history can be hidden.
    resolve.__annotations__ = {
        "root": strawberry.Parent[Any],  # type: ignore[misc]  # mypy knows strawberry.Parent as an annotation only
        "info": strawberry.Info,
        "first": First,
        "after": After,
        "return": HistoryConnection | None if shown is not None else HistoryConnection,
    }
    return strawberry.field(resolver=resolve, description=HISTORY + (NULL_FOR_OTHERS if shown else ""))


async def history_page(
    info: strawberry.Info, aggregate: str, aggregate_id: object, first: int | None, after: str | None, actor_shown: bool
) -> HistoryConnection:
    page = PageRequest(page_size(first), decode_cursor(after, HISTORY_LIST, arity=1), HISTORY_LIST)
    if page.after is not None and (isinstance(page.after[0], bool) or not isinstance(page.after[0], int)):
        raise BadUserInput("after is not a cursor of this history", field="after")  # a version, always
    rows = await info.context.loaders.history.of(aggregate).load(PagedKey.of(str(aggregate_id), page))
    edges = []
    for index, row in enumerate(rows[: page.limit]):
        older = rows[index + 1].state if index + 1 < len(rows) else None
        changes = [
            FieldChange(field=c.field, before=c.before, after=c.after) for c in changes_between(older, row.state)
        ]
        entry = HistoryEntry(
            version=row.version, time=row.time, actor=row.actor if actor_shown else None, type=row.type, changes=changes
        )
        edges.append(HistoryEdge(cursor=encode_cursor(HISTORY_LIST, [row.seq]), node=entry))
    return HistoryConnection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > page.limit,
            has_previous_page=page.after is not None,
            _ends=(edges[0], edges[-1]) if edges else None,
        ),
    )
