"""Menu queries: one activity, the catalogue as a connection, the areas."""

from __future__ import annotations

from collections.abc import Callable

import strawberry

from menu import models
from menu.repository import FAR_FUTURE, ActivityOrder, ActivityRepository, AreaRepository
from menu.schema.inputs import ActivityFilter, ActivityOrderBy
from menu.schema.types import Activity, ActivityConnection, AreaOfCooperation
from shared.domain_text import plain
from shared.errors import BadUserInput
from shared.graphql.ids import parse_id
from shared.graphql.pagination import PageRequest, connection

MAX_SEARCH = 200


@strawberry.type
class Query:
    @strawberry.field(description="One activity by id or by pcmRef (give exactly one)")
    async def activity(self, info: strawberry.Info, id: strawberry.ID | None = None,
                       pcm_ref: str | None = None) -> Activity | None:
        if (id is None) == (pcm_ref is None):
            raise BadUserInput("give either id or pcmRef", field="id")
        if id is not None:
            return await info.context.loaders.activity_by_id.load(parse_id(id))
        return await info.context.loaders.activity_by_pcm_ref.load(pcm_ref.strip().upper())  # type: ignore[union-attr]

    @strawberry.field(description="The catalogue: filter, full-text search, cursor pages")
    async def activities(self, info: strawberry.Info, filter: ActivityFilter | None = None,
                         search: str | None = None, order_by: ActivityOrderBy | None = None,
                         first: int | None = None, after: str | None = None) -> ActivityConnection:
        if search is not None:
            search = plain(search.strip(), "search") or None
            if search and len(search) > MAX_SEARCH:
                raise BadUserInput(f"search is longer than {MAX_SEARCH} characters", field="search")
        criteria = (filter or ActivityFilter()).query(search)
        order = order_by or ActivityOrderBy()
        page = PageRequest.of(first, after, arity=2)
        repository = ActivityRepository(info.context.session)
        rows = await repository.page(criteria, order.field, order.direction, page)
        sort = _sort_value(order.field)
        return connection(rows, page, lambda a: (sort(a), str(a.id)), lambda: repository.count(criteria))

    @strawberry.field(description="All areas of cooperation, by code")
    async def areas_of_cooperation(self, info: strawberry.Info) -> list[AreaOfCooperation]:
        return list(await AreaRepository(info.context.session).all())


def _sort_value(field: ActivityOrder) -> Callable[[models.Activity], str]:
    """The sort key a cursor holds, matching the repository's ORDER BY."""
    if field is ActivityOrder.START_DATE:
        return lambda a: (a.next_start_date or FAR_FUTURE).isoformat()
    if field is ActivityOrder.PCM_REF:
        return lambda a: a.pcm_ref
    return lambda a: a.title
