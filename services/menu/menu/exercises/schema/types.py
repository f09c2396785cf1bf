"""The exercise programme's own GraphQL: its enums, registered with strawberry once, before any type or input uses
them; the ExerciseStep type; an exercise's and a request's own fields. Exercise and ExerciseParticipation are in
menu.types, since they reach the partner and the lead provider and the partner reaches them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry

from menu.exercises.rules import ExerciseStatus, ExerciseType, ParticipationKind, ParticipationStatus
from shared.graphql.enums import described_enum

described_enum(
    ExerciseType,
    "What kind of exercise",
    {
        "COMMAND_POST": "A command post exercise (CPX): headquarters and staffs, without troops",
        "COMPUTER_ASSISTED": "A computer-assisted exercise (CAX): forces simulated",
        "LIVE": "A live exercise (LIVEX): forces in the field, at sea or in the air",
        "CRISIS_MANAGEMENT": "A North Atlantic Council crisis-management exercise (CMX): partners by invitation only",
        "TABLETOP": "A tabletop exercise (TTX): a discussion of a scenario",
    },
)

described_enum(
    ExerciseStatus,
    "Where an exercise is in its lifecycle: PLANNED -> CONFIRMED -> CONDUCTED, or CANCELLED before",
    {
        "PLANNED": "On the five-year plan; dates may not be set yet",
        "CONFIRMED": "Its dates are set and it will take place",
        "CONDUCTED": "It took place",
        "CANCELLED": "It will not take place (with a reason)",
    },
)

described_enum(
    ParticipationKind,
    "What a partner sends to an exercise",
    {
        "OBSERVERS": "Observers",
        "STAFF_OFFICERS": "Officers in the exercise's staffs",
        "UNITS": "Units that take part (personnel counts their people)",
    },
)

described_enum(
    ParticipationStatus,
    "Where a request to take part is: REQUESTED -> APPROVED or DECLINED; the partner may withdraw it, approved or not",
    {
        "REQUESTED": "Awaiting the decision of staff or the leading provider",
        "APPROVED": "The partner takes part",
        "DECLINED": "Refused (with a reason), or the exercise was cancelled",
        "WITHDRAWN": "The partner withdrew it",
    },
)


@strawberry.type(description="One step of an exercise's or a participation request's lifecycle")
class ExerciseStep:
    from_status: str | None = strawberry.field(description="The status before; null at the start")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    reason: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")


def steps(rows: list[Any]) -> list[ExerciseStep]:
    return [
        ExerciseStep(
            from_status=r.from_status.value if r.from_status else None,
            to_status=r.to_status.value,
            actor=r.actor,
            reason=r.reason,
            at=r.at,
        )
        for r in rows
    ]


# An exercise's own fields, first in the type; menu.types.Exercise adds those reaching other concerns' types.
@strawberry.type
class ExerciseFields:
    id: strawberry.ID = strawberry.field(description="Its id")
    name: str = strawberry.field(description="Its name, e.g. Steadfast Jupiter 2027")
    year: int = strawberry.field(description="The plan year it is held in")
    type: ExerciseType = strawberry.field(description="What kind of exercise it is")
    scenario: str = strawberry.field(description="What it exercises")
    nac_crisis_management: bool = strawberry.field(
        description="True for a North Atlantic Council crisis-management exercise: partners by invitation"
    )
    open_to_partners: bool = strawberry.field(
        description="Whether any partner may ask to take part; otherwise only those invited"
    )

    @strawberry.field(description="Partners invited (ISO 3166 alpha-3); a partner's account sees only whether it is")
    def invited_partners(self, info: strawberry.Info) -> list[strawberry.ID]:
        own = info.context.actor.partner_only
        invited: list[str] = self.invited_partners
        return [strawberry.ID(iso) for iso in invited if own is None or iso == own]

    start_date: date | None = strawberry.field(description="First day; null until set")
    end_date: date | None = strawberry.field(description="Last day; null until set")
    location: str | None = strawberry.field(description="Where; null until set")
    status: ExerciseStatus = strawberry.field(description="Where it is in its lifecycle")
    created_at: datetime = strawberry.field(description="When it was planned")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")


# A request's own fields, first in the type; menu.types.ExerciseParticipation adds those reaching other concerns.
@strawberry.type
class ExerciseParticipationFields:
    id: strawberry.ID = strawberry.field(description="Its id")
    kind: ParticipationKind = strawberry.field(description="What the partner sends")
    personnel: int = strawberry.field(description="How many people")
    note: str | None = strawberry.field(description="What the partner adds; null when nothing")
    status: ParticipationStatus = strawberry.field(description="Where it is in its lifecycle")
    created_at: datetime = strawberry.field(description="When it was requested")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")


__all__ = [
    "ExerciseFields",
    "ExerciseParticipationFields",
    "ExerciseStatus",
    "ExerciseStep",
    "ExerciseType",
    "ParticipationKind",
    "ParticipationStatus",
    "steps",
]
