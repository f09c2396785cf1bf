"""Subscriptions on a partner's aggregates (a programme, a capacity request): their latest state as they change.

The feed tails the owner's own topic (shared.events.live); each message is the aggregate's state after a
change, never older than one sent before, and only what the caller may read: a partner's account its own
partner's, other roles as their rule allows.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import Annotated, Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from shared.auth import Rule
from shared.errors import Forbidden
from shared.events.live import LiveFeed, until_expiry
from shared.graphql.ids import parse_id

OfPartner = Annotated[
    strawberry.ID | None,
    strawberry.argument(description="Only this partner's (ISO 3166 alpha-3); a partner's account follows its own only"),
]


def aggregate_feed(
    name: str, topic: str, load: Callable[[AsyncSession, list[uuid.UUID]], Awaitable[Sequence[Any]]]
) -> LiveFeed[Any]:
    """A feed of one topic's aggregates, loaded by id (the event's key)."""

    async def load_keys(session: AsyncSession, keys: list[str]) -> Sequence[Any]:
        return await load(session, [uuid.UUID(key) for key in keys])

    return LiveFeed[Any](
        name=name, changed_by={topic: lambda event: event.key}, load=load_keys, key_of=lambda row: str(row.id)
    )


async def partner_changes(
    info: strawberry.Info, feed: LiveFeed[Any], rule: Rule, ids: Sequence[object] | None, partner_iso: object | None
) -> AsyncGenerator[Any, None]:
    """The feed's rows the caller may read, of the ids and partner asked for (all when omitted)."""
    caller = info.context.actor
    rule.require(caller)
    wanted = {str(parse_id(i, "ids")) for i in ids} if ids else None
    partner = str(partner_iso).strip().upper() if partner_iso else None
    own = caller.partner_only
    if own and partner and partner != own:
        raise Forbidden("a partner follows its own partner's changes only")
    delivered: dict[str, int] = {}
    async for row in until_expiry(caller, info.context.runtime.live.subscribe(feed.name)):
        key = str(row.id)
        if (
            (wanted is not None and key not in wanted)
            or (own and row.partner_iso != own)
            or (partner and row.partner_iso != partner)
            or row.version < delivered.get(key, 0)
        ):
            continue
        delivered[key] = row.version
        yield row  # a row, served as the aggregate's type (shared/graphql/rows.py)
        await info.context.between_messages()
