"""The exercise programme's GraphQL inputs and arguments, and their translation into domain values."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Annotated

import strawberry

from menu.exercises.repository import ExerciseCriteria, ParticipationCriteria
from menu.exercises.rules import ExerciseDetails, ParticipationDetails
from menu.exercises.schema.types import ExerciseStatus, ExerciseType, ParticipationKind, ParticipationStatus

ExerciseId = Annotated[strawberry.ID, strawberry.argument(description="The exercise's id")]

ParticipationId = Annotated[strawberry.ID, strawberry.argument(description="The participation request's id")]


@strawberry.input(description="Which participation requests: all given criteria must hold")
class ParticipationFilter:
    statuses: list[ParticipationStatus] | None = strawberry.field(default=None, description="In any of these statuses")

    def criteria(self) -> ParticipationCriteria:
        return ParticipationCriteria(statuses=tuple(self.statuses or ()))


ParticipationsBy = Annotated[
    ParticipationFilter | None, strawberry.argument(description="Which requests; all the caller may see when omitted")
]


@strawberry.input(description="A new exercise on the plan; it starts PLANNED")
class ExerciseInput:
    name: str = strawberry.field(description="Its name, at most 200 characters")
    year: int = strawberry.field(description="The plan year: this year or one of the four after")
    type: ExerciseType = strawberry.field(description="What kind of exercise")
    scenario: str = strawberry.field(description="What it exercises, at most 5,000 characters")
    lead_code: str = strawberry.field(description="The code of the provider leading it, e.g. SHAPE")
    nac_crisis_management: bool = strawberry.field(
        default=False,
        description="A North Atlantic Council crisis-management exercise (always so for "
        "CRISIS_MANAGEMENT): partners by invitation only",
    )
    open_to_partners: bool = strawberry.field(default=True, description="Whether any partner may ask to take part")
    start_date: date | None = strawberry.field(default=None, description="First day, in its year")
    end_date: date | None = strawberry.field(default=None, description="Last day, at most 90 days after the first")
    location: str | None = strawberry.field(default=None, description="Where")
    invited_partners: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Partners invited (ISO 3166 alpha-3)"
    )

    def details(self) -> ExerciseDetails:
        values = {f.name: getattr(self, f.name) for f in fields(ExerciseDetails)}
        return ExerciseDetails(**{**values, "invited_partners": [str(i) for i in self.invited_partners]})


@strawberry.input(description="Only the fields given change")
class ExerciseChanges:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="Its name")
    year: int | None = strawberry.field(default=strawberry.UNSET, description="The plan year")
    type: ExerciseType | None = strawberry.field(default=strawberry.UNSET, description="What kind of exercise")
    scenario: str | None = strawberry.field(default=strawberry.UNSET, description="What it exercises")
    lead_code: str | None = strawberry.field(default=strawberry.UNSET, description="The leading provider's code")
    open_to_partners: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether any partner may ask to take part"
    )
    start_date: date | None = strawberry.field(default=strawberry.UNSET, description="First day; null clears")
    end_date: date | None = strawberry.field(default=strawberry.UNSET, description="Last day; null clears")
    location: str | None = strawberry.field(default=strawberry.UNSET, description="Where; null clears")


NULLABLE_EXERCISE_FIELDS = frozenset({"start_date", "end_date", "location"})


@strawberry.input(description="Which exercises: all given criteria must hold; a list matches any of its values")
class ExerciseFilter:
    years: list[int] | None = strawberry.field(default=None, description="Held in any of these years")
    types: list[ExerciseType] | None = strawberry.field(default=None, description="Of any of these kinds")
    statuses: list[ExerciseStatus] | None = strawberry.field(default=None, description="In any of these statuses")
    lead_codes: list[str] | None = strawberry.field(default=None, description="Led by any of these providers")
    nac_crisis_management: bool | None = strawberry.field(
        default=None, description="Only crisis-management exercises (true) or only others (false)"
    )
    open_to: strawberry.ID | None = strawberry.field(
        default=None, description="Open to this partner (ISO 3166 alpha-3): to every partner, or inviting it"
    )

    def criteria(self) -> ExerciseCriteria:
        return ExerciseCriteria(
            years=tuple(self.years or ()),
            types=tuple(self.types or ()),
            statuses=tuple(self.statuses or ()),
            lead_codes=tuple(c.strip().upper() for c in self.lead_codes or ()),
            nac_crisis_management=self.nac_crisis_management,
            open_to=str(self.open_to).strip().upper() if self.open_to else None,
        )


@strawberry.input(description="What a partner offers to send to an exercise")
class ParticipationInput:
    kind: ParticipationKind = strawberry.field(description="What it sends")
    personnel: int = strawberry.field(description="How many people, 1 to 20,000")
    note: str | None = strawberry.field(default=None, description="Anything to add, at most 2,000 characters")

    def details(self) -> ParticipationDetails:
        return ParticipationDetails(kind=self.kind, personnel=self.personnel, note=self.note)
