"""planImpacts: what menu changes do to a partner's plans, capacity measures and nominations, as they happen."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.federation.schema_directives import Key

from menu.activities.events import ACTIVITY_TOPIC, OCCURRENCE_TOPIC
from menu.commitments.access import FOLLOW_PLAN_IMPACTS
from menu.commitments.rules import ImpactKind
from menu.commitments.use_cases import Impact, PartnerShare, impacts_of
from menu.types import ACTIVITY_COLUMNS, Activity, Nomination, Occurrence
from shared.errors import Forbidden
from shared.events.live import LiveFeed, until_expiry
from shared.graphql.enums import described_enum
from shared.graphql.history import FieldChange

described_enum(
    ImpactKind,
    "What a menu change did to an activity a partner is committed to",
    {
        "ACTIVITY_WITHDRAWN": "The activity was withdrawn from the menu",
        "OCCURRENCE_CANCELLED": "An occurrence of it was cancelled",
        "OCCURRENCE_MOVED": "An occurrence of it changed dates or place (and perhaps seats)",
        "SEATS_CHANGED": "An occurrence of it changed its seats or its quota per partner",
    },
)

_IMPACTING = {"menu.activity.withdrawn", "menu.occurrence.cancelled", "menu.occurrence.updated"}

# Loaded once per batch of menu events for every subscriber; each then takes its partner's share.
IMPACT_FEED = LiveFeed[Impact](
    name="impacts",
    changed_by={
        ACTIVITY_TOPIC: lambda event: event.id if event.type in _IMPACTING else None,
        OCCURRENCE_TOPIC: lambda event: event.id if event.type in _IMPACTING else None,
    },
    load=impacts_of,
    key_of=lambda impact: impact.event_id,
)


@strawberry.federation.type(
    keys=[Key(fields="id", resolvable=False)], description="A partner's programme (owned by programmes)"
)
class Programme:
    id: strawberry.ID = strawberry.field(description="The programme's id")


@strawberry.federation.type(
    keys=[Key(fields="id", resolvable=False)],
    description="A partner's request for Defence Capacity Building (owned by capacity)",
)
class CapacityRequest:
    id: strawberry.ID = strawberry.field(description="The request's id")


@strawberry.type(description="A plan of the activity in one of the partner's programmes")
class PlanTouched:
    programme: Programme = strawberry.field(description="The programme that plans it")
    planned_activity_id: strawberry.ID = strawberry.field(description="The plan's id in the programme")
    year: int = strawberry.field(description="The year it is planned for")


@strawberry.type(description="A measure of one of the partner's capacity requests that links the activity")
class MeasureTouched:
    request: CapacityRequest = strawberry.field(description="The request whose package holds the measure")
    measure_id: strawberry.ID = strawberry.field(description="The measure's id in the request")


@strawberry.type(
    description="A menu change that touches a partner's plans, capacity measures or nominations, and what it changed"
)
class PlanImpact:
    kind: ImpactKind = strawberry.field(description="What happened")
    partner_iso: strawberry.ID = strawberry.field(description="The partner touched, ISO 3166 alpha-3")
    changes: list[FieldChange] = strawberry.field(
        description="What changed: the fields that matter to plans (status and reason, dates, place, seats, quota)"
    )
    time: datetime = strawberry.field(description="When the change was made")
    plans: list[PlanTouched] = strawberry.field(
        description="The partner's open plans of the activity (for the occurrence's year, before and after a move)"
    )
    measures: list[MeasureTouched] = strawberry.field(description="The partner's capacity measures linking it")
    nominations: list[Nomination] = strawberry.field(
        description="The partner's nominations still to happen: to the occurrence, or to any of the activity's"
    )
    activity_id: strawberry.Private[uuid.UUID]
    occurrence_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field(description="The activity; null if the caller may no longer see it")
    async def activity(self, info: strawberry.Info) -> Activity | None:
        return await info.context.loaders.activity_by_id(ACTIVITY_COLUMNS.columns(info)).load(self.activity_id)

    @strawberry.field(description="The occurrence changed; null for a change of the activity itself")
    async def occurrence(self, info: strawberry.Info) -> Occurrence | None:
        if self.occurrence_id is None:
            return None
        return await info.context.loaders.occurrence_by_id.load(self.occurrence_id)


def _message(impact: Impact, partner_iso: str, share: PartnerShare) -> PlanImpact:
    return PlanImpact(
        kind=impact.kind,
        partner_iso=strawberry.ID(partner_iso),
        time=impact.time,
        changes=[FieldChange(field=c.field, before=c.before, after=c.after) for c in impact.changes],
        plans=[
            PlanTouched(
                programme=Programme(id=strawberry.ID(str(p.source_id))),
                planned_activity_id=strawberry.ID(str(p.item_id)),
                year=p.year or 0,
            )
            for p in share.plans
        ],
        measures=[
            MeasureTouched(
                request=CapacityRequest(id=strawberry.ID(str(m.source_id))), measure_id=strawberry.ID(str(m.item_id))
            )
            for m in share.measures
        ],
        nominations=share.nominations,  # rows, served as Nomination
        activity_id=impact.activity_id,
        occurrence_id=impact.occurrence_id,
    )


PartnerIso = Annotated[
    strawberry.ID,
    strawberry.argument(description="The partner followed, ISO 3166 alpha-3; a partner's account follows its own only"),
]


@strawberry.type(description="Live impacts of menu changes on partners")
class CommitmentsSubscription:
    @strawberry.subscription(
        description="As it happens: every withdrawal of an activity, and every cancellation, "
        "move or change of seats of an occurrence, that touches the partner's "
        "open plans (programmes), capacity measures (capacity) or nominations "
        "still to happen, with what changed. Ask the programme or request "
        "through the gateway. Staff, Allies and systems follow any partner; a "
        "partner its own (another is FORBIDDEN); providers none"
    )
    async def plan_impacts(self, info: strawberry.Info, partner_iso: PartnerIso) -> AsyncGenerator[PlanImpact, None]:
        caller = info.context.actor
        FOLLOW_PLAN_IMPACTS.require(caller)
        iso = str(partner_iso).strip().upper()
        if caller.partner_only and caller.partner_only != iso:
            raise Forbidden("a partner follows the impacts on its own plans only")
        async for impact in until_expiry(caller, info.context.runtime.live.subscribe(IMPACT_FEED.name)):
            share = impact.partners.get(iso)
            if share is None:
                continue
            yield _message(impact, iso, share)
            await info.context.between_messages()
