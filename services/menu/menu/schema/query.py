"""Menu queries: one activity or occurrence, the catalogue as a connection, the areas."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.access import READ_MENU
from menu.repository import ActivityRepository, AreaRepository, known_partners
from menu.schema.arguments import OrderByArgument, Search, checked_search
from menu.schema.exercises import ExerciseQuery
from menu.schema.inputs import ActivityFilter, ActivityOrderBy
from menu.schema.participation import NominationQuery
from menu.schema.providers import ProviderQuery
from menu.schema.types import ACTIVITY_COLUMNS, Activity, ActivityConnection, AreaOfCooperation, Occurrence
from shared.errors import BadUserInput
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import PageRequest, connection


@strawberry.type(description="Reading the Partnership Cooperation Menu and its nominations")
class Query(NominationQuery, ProviderQuery, ExerciseQuery):
    @strawberry.field(
        description="One activity by id or by pcmRef (give exactly one); null when there is none the caller may see"
    )
    async def activity(
        self,
        info: strawberry.Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(description="Its id")] = None,
        pcm_ref: Annotated[str | None, strawberry.argument(description="Its reference, e.g. NSO.396")] = None,
    ) -> Activity | None:
        if (id is None) == (pcm_ref is None):
            raise BadUserInput("give either id or pcmRef", field="id")
        loaders, columns = info.context.loaders, ACTIVITY_COLUMNS.columns(info)
        if id is not None:
            return await loaders.activity_by_id(columns).load(parse_id(id))
        return await loaders.activity_by_pcm_ref(columns).load(pcm_ref.strip().upper())  # type: ignore[union-attr]

    @strawberry.field(description="One occurrence by id; null when there is none the caller may see")
    async def occurrence(
        self, info: strawberry.Info, id: Annotated[strawberry.ID, strawberry.argument(description="Its id")]
    ) -> Occurrence | None:
        return await info.context.loaders.occurrence_by_id.load(parse_id(id))

    @strawberry.field(
        description="The catalogue: filter, full-text search (words, or the start of a pcmRef such "
        "as NSO.99), cursor pages. Published activities unless `filter.statuses` says "
        "otherwise."
    )
    async def activities(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ActivityFilter | None, strawberry.argument(description="Which activities; published ones when omitted")
        ] = None,
        search: Search = None,
        order_by: OrderByArgument = None,
        first: First = None,
        after: After = None,
    ) -> ActivityConnection:
        filter = filter or ActivityFilter()
        open_to = None
        if filter.open_to is not None:
            iso = str(filter.open_to).strip().upper()
            partner = await known_partners(info.context.session).standing(iso)
            if partner is None:
                raise BadUserInput(f"the menu knows of no partner {iso!r}", field="filter.openTo")
            open_to = (partner.framework, partner.iso)
        criteria = filter.criteria(checked_search(search), open_to=open_to)
        order = (order_by or ActivityOrderBy()).ordering()
        page = PageRequest.of(first, after, f"activities.{order.field.value}")
        repository = ActivityRepository(info.context.session)
        caller = info.context.actor
        rows = await repository.page(criteria, order, page, caller, ACTIVITY_COLUMNS.columns(info, "edges", "node"))
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria, caller))

    @strawberry.field(description="All areas of cooperation, by code")
    async def areas_of_cooperation(self, info: strawberry.Info) -> list[AreaOfCooperation]:
        READ_MENU.require(info.context.actor)
        return list(await AreaRepository(info.context.session).all())
