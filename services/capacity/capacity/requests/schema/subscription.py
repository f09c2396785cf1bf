"""Live changes of requests for support, fed by capacity's own topic (so every instance sees every change)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from capacity.requests.access import READ_REQUESTS
from capacity.requests.events import REQUEST_TOPIC
from capacity.requests.repository import RequestRepository
from capacity.types import CapacityRequest
from shared.graphql.live import OfPartner, aggregate_feed, partner_changes

REQUEST_FEED = aggregate_feed("requests", REQUEST_TOPIC, lambda session, ids: RequestRepository(session).get_many(ids))

RequestIds = Annotated[
    list[strawberry.ID] | None,
    strawberry.argument(description="Only these requests; every request the caller may read when omitted"),
]


@strawberry.type(description="Live changes of requests for support")
class RequestsSubscription:
    @strawberry.subscription(
        description="Capacity requests as they change: their lifecycle, assessments, "
        "package, measures, contributions, reports, holds. Each message is the "
        "request's latest state, never older than one sent before. A partner "
        "follows its own (another partner's is FORBIDDEN); staff, Allies and "
        "systems any; providers none"
    )
    async def capacity_request_changed(
        self, info: strawberry.Info, ids: RequestIds = None, partner_iso: OfPartner = None
    ) -> AsyncGenerator[CapacityRequest, None]:
        async for request in partner_changes(info, REQUEST_FEED, READ_REQUESTS, ids, partner_iso):
            yield request
