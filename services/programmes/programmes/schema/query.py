"""Programmes queries."""

from __future__ import annotations

from typing import Annotated

import strawberry

from programmes.partners.repository import PartnerRepository
from programmes.programmes.repository import ProgrammeRepository
from programmes.schema.inputs import ProgrammeFilter, ProgrammeOrderBy
from programmes.schema.operations import OperationsQuery
from programmes.schema.platform import PlatformQuery
from programmes.schema.types import Partner, Programme, ProgrammeConnection
from shared.errors import BadUserInput
from shared.frameworks import Framework
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import PageRequest, connection


@strawberry.type(description="Reading partners and their programmes")
class Query(PlatformQuery, OperationsQuery):
    @strawberry.field(description="Every partner, by name, or only one framework's. Any signed-in caller")
    async def partners(
        self,
        info: strawberry.Info,
        framework: Annotated[
            Framework | None, strawberry.argument(description="Only partners of this framework; all when omitted")
        ] = None,
    ) -> list[Partner]:
        return list(await PartnerRepository(info.context.session, info.context.actor).list(framework))

    @strawberry.field(description="One partner by ISO 3166 alpha-3 code; null if there is none. Any signed-in caller")
    async def partner(
        self,
        info: strawberry.Info,
        iso: Annotated[strawberry.ID, strawberry.argument(description="ISO 3166 alpha-3 code, e.g. GEO (any case)")],
    ) -> Partner | None:
        return await info.context.loaders.partner_by_iso.load(str(iso).strip().upper())

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
