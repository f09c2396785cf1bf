"""Reading requests for support."""

from __future__ import annotations

from typing import Annotated

import strawberry

from capacity.requests.repository import RequestRepository
from capacity.requests.schema.inputs import CapacityRequestFilter, CapacityRequestOrderBy
from capacity.types import CapacityRequest
from shared.graphql.arguments import After, First
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection, PageRequest, connection

CapacityRequestConnection = Connection[CapacityRequest]


@strawberry.type(description="Reading requests for support")
class RequestsQuery:
    @strawberry.field(
        description="One request by id; null if there is none the caller may see (a partner sees its own)"
    )
    async def capacity_request(
        self, info: strawberry.Info, id: Annotated[strawberry.ID, strawberry.argument(description="The request's id")]
    ) -> CapacityRequest | None:
        return await info.context.loaders.request_by_id.load(parse_id(id))

    @strawberry.field(
        description="Requests by cursor pages, oldest first unless `orderBy` says otherwise; filter "
        "by partner, status, area, hold; a partner sees only its own"
    )
    async def capacity_requests(
        self,
        info: strawberry.Info,
        filter: Annotated[
            CapacityRequestFilter | None,
            strawberry.argument(description="Which requests; all the caller may see when omitted"),
        ] = None,
        order_by: Annotated[
            CapacityRequestOrderBy | None, strawberry.argument(description="The order; oldest first when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> CapacityRequestConnection:
        criteria = (filter or CapacityRequestFilter()).criteria()
        order = (order_by or CapacityRequestOrderBy()).ordering()
        page = PageRequest.of(first, after, f"capacityRequests.{order.field.value}")
        repository = RequestRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, order, page)
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria))
