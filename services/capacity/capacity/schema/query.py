"""Capacity queries."""

from __future__ import annotations

import strawberry

from capacity.access import READ_REQUESTS
from capacity.repository import RequestRepository, known_partners
from capacity.schema.inputs import CapacityRequestFilter, CapacityRequestOrderBy
from capacity.schema.types import CapacityRequest, CapacityRequestConnection
from shared.errors import BadUserInput
from shared.graphql.ids import parse_id
from shared.graphql.pagination import PageRequest, connection


@strawberry.type
class Query:
    @strawberry.field
    async def capacity_request(self, info: strawberry.Info, id: strawberry.ID) -> CapacityRequest | None:
        return await info.context.loaders.request_by_id.load(parse_id(id))

    @strawberry.field(description="Requests by cursor pages, oldest first unless `orderBy` says otherwise; filter "
                                  "by partner, status, area, hold")
    async def capacity_requests(self, info: strawberry.Info, filter: CapacityRequestFilter | None = None,
                                order_by: CapacityRequestOrderBy | None = None, first: int | None = None,
                                after: str | None = None) -> CapacityRequestConnection:
        READ_REQUESTS.require(info.context.actor)
        criteria = (filter or CapacityRequestFilter()).criteria()
        if criteria.partner_iso and await known_partners(info.context.session).standing(criteria.partner_iso) is None:
            raise BadUserInput(f"capacity knows of no partner {criteria.partner_iso!r}", field="filter.partnerIso")
        order = (order_by or CapacityRequestOrderBy()).ordering()
        page = PageRequest.of(first, after, f"capacityRequests.{order.field.value}")
        repository = RequestRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, order, page)
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria))
