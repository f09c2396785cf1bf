"""GraphQL inputs of programmes and their translation into domain values."""

from __future__ import annotations

from datetime import date

import strawberry

from programmes.programmes.repository import PROGRAMME_SORT, ProgrammeCriteria, ProgrammeOrdering
from programmes.programmes.rules import ProgrammeDetails
from programmes.programmes.schema.types import (
    ASSESSMENT,
    GOAL,
    OBJECTIVE,
    OCC_EVALUATION,
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    ProgrammeOrder,
    ProgrammeStatus,
)
from programmes.types import PLANNED_ACTIVITY, PROGRAMME, ProgrammeType
from shared.errors import BadUserInput
from shared.graphql.descriptions import described
from shared.graphql.vocabulary import Priority, WpsMarker
from shared.ordering import Direction

FILTER = {
    "partner_iso": "Programmes of this partner (ISO 3166 alpha-3); a partner that does not exist is refused "
    "(BAD_USER_INPUT)",
    "types": "Programmes of any of these tools",
    "statuses": "Programmes in any of these statuses",
}

ORDER = {"field": "What to order by", "direction": "Which way"}


@described(PROGRAMME)
@strawberry.input(description="A new programme; it starts as a DRAFT")
class ProgrammeInput:
    partner_iso: strawberry.ID = strawberry.field(
        description="The partner, ISO 3166 alpha-3; a partner's account gives its own"
    )
    type: ProgrammeType
    title: str
    period_start: date
    period_end: date
    summary: str | None = None

    def details(self) -> ProgrammeDetails:
        return ProgrammeDetails(
            partner_iso=str(self.partner_iso),
            type=self.type,
            title=self.title,
            period_start=self.period_start,
            period_end=self.period_end,
            summary=self.summary,
        )


@described(PROGRAMME)
@strawberry.input(description="Only the fields given change; summary may be null (to clear it), the others may not")
class ProgrammeChanges:
    title: str | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    period_start: date | None = strawberry.UNSET
    period_end: date | None = strawberry.UNSET


@described(FILTER)
@strawberry.input(description="All given criteria must hold; a list matches any of its values")
class ProgrammeFilter:
    partner_iso: strawberry.ID | None = None
    types: list[ProgrammeType] | None = None
    statuses: list[ProgrammeStatus] | None = None
    period_from: date | None = strawberry.field(
        default=None, description="Programmes whose period ends on or after this day"
    )
    period_to: date | None = strawberry.field(
        default=None,
        description="Programmes whose period starts on or before "
        "this day; with periodFrom, those running at "
        "some time between the two (periodTo may "
        "not be before periodFrom)",
    )

    def criteria(self) -> ProgrammeCriteria:
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise BadUserInput("periodTo is before periodFrom", field="filter.periodTo")
        return ProgrammeCriteria(
            partner_iso=str(self.partner_iso).strip().upper() if self.partner_iso else None,
            types=self.types,
            statuses=self.statuses,
            period_from=self.period_from,
            period_to=self.period_to,
        )


@described(ORDER)
@strawberry.input(description="Programmes, newest period first unless asked otherwise")
class ProgrammeOrderBy:
    field: ProgrammeOrder = ProgrammeOrder.PERIOD_START
    direction: Direction = Direction.DESC

    def ordering(self) -> ProgrammeOrdering:
        return ProgrammeOrdering(self.field, self.direction, PROGRAMME_SORT)


@described(OBJECTIVE)
@strawberry.input(description="Only the fields given change; description may be null (to clear it), title may not")
class ObjectiveChanges:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    wps_marker: WpsMarker | None = strawberry.UNSET


@described(OBJECTIVE)
@strawberry.input(description="A new objective of a programme")
class ObjectiveInput:
    category: ObjectiveCategory
    title: str
    description: str | None = None
    parent_id: strawberry.ID | None = None
    wps_marker: WpsMarker = WpsMarker.NOT_TARGETED


@described(PLANNED_ACTIVITY)
@strawberry.input(
    description="A menu activity to plan: published on the menu and open to the partner (its "
    "framework, or the partner by name)"
)
class PlannedActivityInput:
    activity_id: strawberry.ID
    year: int
    priority: Priority = Priority.MEDIUM
    objective_id: strawberry.ID | None = None
    activity_version: int | None = strawberry.field(
        default=None,
        description="The activity's version as the caller saw it on the menu: when programmes has not "
        "received it yet, the answer says so (retryable) rather than refusing",
    )


@described(GOAL)
@strawberry.input(description="A new PARP partnership goal")
class PartnershipGoalInput:
    code: str
    text: str
    due_date: date | None = None


@described(ASSESSMENT)
@strawberry.input(name="ProgrammeAssessmentInput", description="An assessment of a goal in one review cycle")
class AssessmentInput:
    cycle: str = strawberry.field(
        description="The review cycle: a year or a span of years, e.g. 2026 or "
        "2025-2026; a goal is assessed once per cycle"
    )
    rating: AssessmentRating
    comment: str | None = None


@described(OCC_EVALUATION)
@strawberry.input(description="A new OCC evaluation of a declared unit")
class OccEvaluationInput:
    unit: str
    level: OccLevel
    result: OccResult
    evaluated_on: date
    remarks: str | None = None
