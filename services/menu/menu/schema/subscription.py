"""Live changes of the menu, fed by the menu's own topics (so every instance sees every change)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator, Sequence
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from menu import models
from menu.access import READ_MENU, READ_NOMINATIONS, may_see, provider_of
from menu.events import ACTIVITY_TOPIC, NOMINATION_TOPIC, OCCURRENCE_TOPIC
from menu.repository import ActivityRepository, NominationRepository, known_partners
from menu.schema.impacts import ImpactSubscription
from menu.schema.participation import Nomination
from menu.schema.types import Activity
from shared.auth import Role
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


async def _load_nominations(session: AsyncSession, keys: list[str]) -> Sequence[models.Nomination]:
    return await NominationRepository(session).get_many([uuid.UUID(k) for k in keys])


NOMINATION_FEED = LiveFeed[models.Nomination](
    name="nominations",
    changed_by={NOMINATION_TOPIC: lambda event: event.key},
    load=_load_nominations,
    key_of=lambda nomination: str(nomination.id),
)


@strawberry.type(description="Live changes of nominations")
class NominationSubscription:
    @strawberry.subscription(
        description="A partner's nominations as they change (arrival, promotion, "
        "confirmation, decline, withdrawal, attendance, feedback). A partner "
        "follows its own; a provider those to its activities; staff, Allies and "
        "systems any. Each message is the nomination's latest state."
    )
    async def nomination_changed(
        self,
        info: strawberry.Info,
        partner_iso: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only this partner's (ISO 3166 alpha-3); a partner's own when omitted"),
        ] = None,
    ) -> AsyncGenerator[Nomination, None]:
        caller = info.context.actor
        READ_NOMINATIONS.require(caller)
        wanted = str(partner_iso).strip().upper() if partner_iso else None
        own = caller.partner_only
        delivered: dict[str, int] = {}
        provides: dict[uuid.UUID, bool] = {}  # a provider's answer per activity (its pcmRef never changes)
        async for nomination in until_expiry(caller, info.context.runtime.live.subscribe(NOMINATION_FEED.name)):
            if (own and nomination.partner_iso != own) or (wanted and nomination.partner_iso != wanted):
                continue
            if caller.is_(Role.PROVIDER):
                if nomination.activity_id not in provides:
                    activity = await ActivityRepository(info.context.session).get(nomination.activity_id)
                    await info.context.between_messages()
                    provides[nomination.activity_id] = (
                        activity is not None and provider_of(activity.pcm_ref) == caller.provider
                    )
                if not provides[nomination.activity_id]:
                    continue
            key = str(nomination.id)
            if nomination.version < delivered.get(key, 0):
                continue
            delivered[key] = nomination.version
            yield nomination  # a row, served as Nomination (shared/graphql/rows.py)
            await info.context.between_messages()


ActivityIds = Annotated[
    list[strawberry.ID] | None,
    strawberry.argument(description="Only these activities; every activity the caller may see when omitted"),
]


@strawberry.type(description="Live changes of the menu")
class Subscription(NominationSubscription, ImpactSubscription):
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
