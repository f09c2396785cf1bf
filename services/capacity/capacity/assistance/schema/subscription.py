"""Live changes of requests for disaster assistance, fed by capacity's own topic (so every instance sees every
change), as a coordination centre watches them."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from capacity.assistance.access import READ_ASSISTANCE
from capacity.assistance.events import ASSISTANCE_TOPIC
from capacity.assistance.repository import AssistanceRepository
from capacity.types import AssistanceRequest
from shared.events.live import until_expiry
from shared.graphql.ids import parse_id
from shared.graphql.live import aggregate_feed

ASSISTANCE_FEED = aggregate_feed(
    "assistance", ASSISTANCE_TOPIC, lambda session, ids: AssistanceRepository(session).get_many(ids)
)


@strawberry.type(description="Live changes of requests for disaster assistance")
class AssistanceSubscription:
    @strawberry.subscription(
        description="Requests for disaster assistance as they change, as a coordination "
        "centre watches them: a new request, a new need, each offer and its "
        "acceptance or delivery, each situation report, the closing. Each message "
        "is the request's latest state. Staff, Allies, partners and systems"
    )
    async def assistance_changed(
        self,
        info: strawberry.Info,
        ids: Annotated[
            list[strawberry.ID] | None, strawberry.argument(description="Only these requests; every one when omitted")
        ] = None,
    ) -> AsyncGenerator[AssistanceRequest, None]:
        async for request in assistance_changes(info, ids):
            yield request


async def assistance_changes(
    info: strawberry.Info, ids: list[strawberry.ID] | None
) -> AsyncGenerator[AssistanceRequest, None]:
    """Each request's latest state as it changes, never older than one sent before."""
    caller = info.context.actor
    READ_ASSISTANCE.require(caller)
    wanted = {str(parse_id(i, "ids")) for i in ids} if ids else None
    delivered: dict[str, int] = {}
    async for row in until_expiry(caller, info.context.runtime.live.subscribe(ASSISTANCE_FEED.name)):
        key = str(row.id)
        if (wanted is not None and key not in wanted) or row.version < delivered.get(key, 0):
            continue
        delivered[key] = row.version
        yield row
        await info.context.between_messages()
