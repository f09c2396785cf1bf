"""The exercise programme's own GraphQL types and enums. Exercise and ExerciseParticipation, which reach the
partner and its provider and which the partner reaches, are in menu.types."""

from __future__ import annotations

from datetime import datetime
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


__all__ = ["ExerciseStatus", "ExerciseStep", "ExerciseType", "ParticipationKind", "ParticipationStatus", "steps"]
