"""Live changes of programmes, fed by programmes' own topic (so every instance sees every change)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from programmes.programmes.access import READ_PROGRAMMES
from programmes.programmes.events import PROGRAMME_TOPIC
from programmes.programmes.repository import ProgrammeRepository
from programmes.types import Programme
from shared.graphql.live import OfPartner, aggregate_feed, partner_changes

PROGRAMME_FEED = aggregate_feed(
    "programmes", PROGRAMME_TOPIC, lambda session, ids: ProgrammeRepository(session).get_many(ids)
)

ProgrammeIds = Annotated[
    list[strawberry.ID] | None,
    strawberry.argument(description="Only these programmes; every programme the caller may read when omitted"),
]


@strawberry.type(description="Live changes of programmes")
class ProgrammesSubscription:
    @strawberry.subscription(
        description="Programmes as they change: any step of their lifecycle, objectives, "
        "plans (attendance making them done, a withdrawal flagging them), goals, "
        "evaluations. Each message is the programme's latest state, never older "
        "than one sent before. A partner follows its own (another partner's is "
        "FORBIDDEN); staff, Allies and systems any; providers none"
    )
    async def programme_changed(
        self, info: strawberry.Info, ids: ProgrammeIds = None, partner_iso: OfPartner = None
    ) -> AsyncGenerator[Programme, None]:
        async for programme in partner_changes(info, PROGRAMME_FEED, READ_PROGRAMMES, ids, partner_iso):
            yield programme
