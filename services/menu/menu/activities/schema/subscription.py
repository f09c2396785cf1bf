"""The activities' part of Subscription: live changes, fed by the menu's own topics (so every instance sees every
change)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator, Sequence
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities import models
from menu.activities.access import READ_MENU, may_see
from menu.activities.events import ACTIVITY_TOPIC, OCCURRENCE_TOPIC
from menu.activities.repository import ActivityRepository
from menu.partners.repository import known_partners
from menu.types import Activity
from shared.events.live import LiveFeed, until_expiry
from shared.graphql.ids import parse_id


async def _load_activities(session: AsyncSession, keys: list[str]) -> Sequence[models.Activity]:
    return await ActivityRepository(session).get_many([uuid.UUID(k) for k in keys])


# An occurrence scheduled, moved or cancelled changes its activity too (its next start date).
ACTIVITY_FEED = LiveFeed[models.Activity](
    name="activities",
    changed_by={ACTIVITY_TOPIC: lambda event: event.key, OCCURRENCE_TOPIC: lambda event: event.data.get("activityId")},
    load=_load_activities,
    key_of=lambda activity: str(activity.id),
)

ActivityIds = Annotated[
    list[strawberry.ID] | None,
    strawberry.argument(description="Only these activities; every activity the caller may see when omitted"),
]


@strawberry.type(description="Live changes of activities")
class ActivitiesSubscription:
    @strawberry.subscription(
        description="Activities as they change (created, updated, published, withdrawn, "
        "archived, or one of their occurrences scheduled, changed or "
        "cancelled), only the given ids if any. Each message is the "
        "activity's latest state; rapid changes may coalesce into one message, "
        "and a message never carries an older version than one sent before."
    )
    async def activity_changed(self, info: strawberry.Info, ids: ActivityIds = None) -> AsyncGenerator[Activity, None]:
        # Checked as the stream starts: a bad id ends it with one coded error message, which a gateway
        # passes on as it is (an error before the stream would reach its client as an unexpected error).
        READ_MENU.require(info.context.actor)
        wanted = {str(parse_id(i, "ids")) for i in ids} if ids else None
        async for activity in _changes(info, wanted):
            yield activity  # type: ignore[misc]  # a row, served as Activity (shared/graphql/rows.py)


async def _changes(info: strawberry.Info, wanted: set[str] | None) -> AsyncGenerator[models.Activity, None]:
    caller = info.context.actor
    READ_MENU.require(caller)
    framework = None
    if caller.partner_only:
        partner = await known_partners(info.context.session).standing(caller.partner_only)
        framework = partner.framework if partner else None
        await info.context.between_messages()
    delivered: dict[str, int] = {}
    async for activity in until_expiry(caller, info.context.runtime.live.subscribe(ACTIVITY_FEED.name)):
        key = str(activity.id)
        if wanted is not None and key not in wanted:
            continue
        if not may_see(
            caller, activity.status, activity.pcm_ref, activity.frameworks, activity.eligible_partners, framework
        ):
            continue
        if activity.version < delivered.get(key, 0):
            continue
        delivered[key] = activity.version
        yield activity
        # The subscription outlives many messages: nothing loaded for one is reused for the next,
        # and no connection is held while waiting.
        await info.context.between_messages()
