"""Reading SPS applications."""

from __future__ import annotations

from typing import Annotated

import strawberry

from capacity.sps.repository import SPS_SORT, SpsRepository
from capacity.sps.schema.inputs import ApplicationId, SpsFilter
from capacity.types import SpsApplication
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.type(description="Reading SPS applications")
class SpsQuery:
    @strawberry.field(
        description="One application by id; null if there is none the caller may see (a partner: its own country's)"
    )
    async def sps_application(self, info: strawberry.Info, id: ApplicationId) -> SpsApplication | None:
        return await info.context.loaders.sps_by_id.load(parse_id(id))

    @strawberry.field(description="Applications, newest first, by cursor pages; a partner sees its own country's")
    async def sps_applications(
        self,
        info: strawberry.Info,
        filter: Annotated[
            SpsFilter | None, strawberry.argument(description="Which; all the caller may see when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[SpsApplication]:
        criteria = (filter or SpsFilter()).criteria()
        page = PageRequest.of(first, after, "spsApplications")
        repository = SpsRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, SPS_SORT.cursor, lambda: repository.count(criteria))
