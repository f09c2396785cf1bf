"""Reading requests for disaster assistance."""

from __future__ import annotations

from typing import Annotated

import strawberry

from capacity.assistance.repository import ASSISTANCE_SORT, AssistanceRepository
from capacity.assistance.schema.inputs import AssistanceFilter, RequestId
from capacity.types import AssistanceRequest
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.type(description="Reading requests for disaster assistance")
class AssistanceQuery:
    @strawberry.field(description="One request for assistance by id; null if there is none")
    async def assistance_request(self, info: strawberry.Info, id: RequestId) -> AssistanceRequest | None:
        return await info.context.loaders.assistance_by_id.load(parse_id(id))

    @strawberry.field(description="Requests for assistance, newest first, by cursor pages")
    async def assistance_requests(
        self,
        info: strawberry.Info,
        filter: Annotated[AssistanceFilter | None, strawberry.argument(description="Which; all when omitted")] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[AssistanceRequest]:
        criteria = (filter or AssistanceFilter()).criteria()
        page = PageRequest.of(first, after, "assistanceRequests")
        repository = AssistanceRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, ASSISTANCE_SORT.cursor, lambda: repository.count(criteria))
