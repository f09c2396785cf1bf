"""The participation's part of Subscription: nominations as they change, fed by the menu's own topic (so every
instance sees every change)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator, Sequence
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities.repository import ActivityRepository
from menu.participation import models
from menu.participation.access import READ_NOMINATIONS
from menu.participation.events import NOMINATION_TOPIC
from menu.participation.repository import NominationRepository
from menu.providers.rules import provider_code_of
from menu.types import Nomination
from shared.auth import Role
from shared.events.live import LiveFeed, until_expiry


async def _load_nominations(session: AsyncSession, keys: list[str]) -> Sequence[models.Nomination]:
    return await NominationRepository(session).get_many([uuid.UUID(k) for k in keys])


NOMINATION_FEED = LiveFeed[models.Nomination](
    name="nominations",
    changed_by={NOMINATION_TOPIC: lambda event: event.key},
    load=_load_nominations,
    key_of=lambda nomination: str(nomination.id),
)


@strawberry.type(description="Live changes of nominations")
class ParticipationSubscription:
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
                        activity is not None and provider_code_of(activity.pcm_ref) == caller.provider
                    )
                if not provides[nomination.activity_id]:
                    continue
            key = str(nomination.id)
            if nomination.version < delivered.get(key, 0):
                continue
            delivered[key] = nomination.version
            yield nomination  # a row, served as Nomination (shared/graphql/rows.py)
            await info.context.between_messages()
