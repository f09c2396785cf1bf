"""Reading programmes: one by id, or pages of those the caller may see."""

from __future__ import annotations

from typing import Annotated

import strawberry

from programmes.programmes.repository import ProgrammeRepository
from programmes.programmes.schema.inputs import ProgrammeFilter, ProgrammeOrderBy
from programmes.types import Programme, ProgrammeConnection
from shared.errors import BadUserInput
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import PageRequest, connection


@strawberry.type(description="Reading programmes")
class ProgrammesQuery:
    @strawberry.field(
        description="One programme by id; null if there is none the caller may see. Staff, Allies, "
        "other systems and partners (their own) read programmes; providers may not"
    )
    async def programme(
        self, info: strawberry.Info, id: Annotated[strawberry.ID, strawberry.argument(description="The programme's id")]
    ) -> Programme | None:
        return await info.context.loaders.programme_by_id.load(parse_id(id))

    @strawberry.field(
        description="Programmes by cursor pages, newest period first unless `orderBy` says otherwise. "
        "Staff, Allies and other systems see all, a partner its own; providers may not "
        "read programmes"
    )
    async def programmes(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ProgrammeFilter | None,
            strawberry.argument(description="Which programmes; all the caller may see when omitted"),
        ] = None,
        order_by: Annotated[
            ProgrammeOrderBy | None, strawberry.argument(description="The order; newest period first when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> ProgrammeConnection:
        criteria = (filter or ProgrammeFilter()).criteria()
        if criteria.partner_iso and await info.context.loaders.partner_by_iso.load(criteria.partner_iso) is None:
            raise BadUserInput(f"there is no partner {criteria.partner_iso!r}", field="filter.partnerIso")
        order = (order_by or ProgrammeOrderBy()).ordering()
        page = PageRequest.of(first, after, f"programmes.{order.field.value}")
        repository = ProgrammeRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, order, page)
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria))
