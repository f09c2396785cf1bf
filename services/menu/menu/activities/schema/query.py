"""The activities' part of Query: one activity or occurrence, the catalogue as a connection, the areas."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.activities.repository import ActivityRepository, AreaRepository
from menu.activities.schema.inputs import ActivityFilter, ActivityOrderBy, OrderByArgument, Search, checked_search
from menu.activities.schema.types import AreaOfCooperation
from menu.partners.repository import known_partners
from menu.types import ACTIVITY_COLUMNS, Activity, ActivityConnection, Occurrence
from shared.errors import BadUserInput
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import PageRequest, connection


@strawberry.type(description="Reading the menu's activities, occurrences and areas")
class ActivitiesQuery:
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
        ref = pcm_ref.strip().upper()  # type: ignore[union-attr]  # given when id is not (checked above)
        return await loaders.activity_by_pcm_ref(columns).load(ref)

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
        repository = ActivityRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, order, page, ACTIVITY_COLUMNS.columns(info, "edges", "node"))
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria))

    @strawberry.field(description="All areas of cooperation, by code")
    async def areas_of_cooperation(self, info: strawberry.Info) -> list[AreaOfCooperation]:
        return list(await AreaRepository(info.context.session, info.context.actor).all())
