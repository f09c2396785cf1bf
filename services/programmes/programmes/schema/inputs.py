"""GraphQL inputs of programmes and their translation into domain values."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from programmes.domain import ProgrammeDetails
from programmes.repository import ProgrammeCriteria
from programmes.schema.enums import (
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    Priority,
    ProgrammeStatus,
    ProgrammeType,
)
from shared.errors import BadUserInput


def given(changes: object, nullable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields a partial-update input sets; null only where null means 'clear it'."""
    result: dict[str, Any] = {}
    for name, value in vars(changes).items():
        if value is strawberry.UNSET:
            continue
        if value is None and name not in nullable:
            camel = name.split("_")[0] + "".join(p.title() for p in name.split("_")[1:])
            raise BadUserInput(f"{camel} cannot be null", field=camel)
        result[name] = value
    return result


@strawberry.input
class PartnerFlagsInput:
    enhanced_opportunities: bool | None = strawberry.UNSET
    interoperability_platform: bool | None = strawberry.UNSET
    dcb: bool | None = strawberry.UNSET
    deep: bool | None = strawberry.UNSET
    ipap_since: int | None = strawberry.UNSET
    tools: list[ProgrammeType] | None = strawberry.UNSET


@strawberry.input
class ProgrammeInput:
    partner_iso: str
    type: ProgrammeType
    title: str
    period_start: date
    period_end: date
    summary: str | None = None

    def details(self) -> ProgrammeDetails:
        return ProgrammeDetails(partner_iso=self.partner_iso, type=self.type, title=self.title,
                                period_start=self.period_start, period_end=self.period_end, summary=self.summary)


@strawberry.input(description="Only the fields given change")
class ProgrammeChanges:
    title: str | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    period_start: date | None = strawberry.UNSET
    period_end: date | None = strawberry.UNSET


@strawberry.input
class ProgrammeFilter:
    partner_iso: str | None = None
    types: list[ProgrammeType] | None = None
    statuses: list[ProgrammeStatus] | None = None
    period_from: date | None = strawberry.field(default=None, description="Programmes running on or after")
    period_to: date | None = strawberry.field(default=None, description="Programmes running on or before")

    def criteria(self) -> ProgrammeCriteria:
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise BadUserInput("periodTo is before periodFrom", field="filter.periodTo")
        return ProgrammeCriteria(partner_iso=self.partner_iso.strip().upper() if self.partner_iso else None,
                                 types=self.types, statuses=self.statuses, period_from=self.period_from,
                                 period_to=self.period_to)


@strawberry.input
class ObjectiveInput:
    category: ObjectiveCategory
    title: str
    description: str | None = None
    parent_id: strawberry.ID | None = None


@strawberry.input
class PlannedActivityInput:
    activity_id: strawberry.ID
    year: int
    priority: Priority = Priority.MEDIUM
    objective_id: strawberry.ID | None = None


@strawberry.input
class PartnershipGoalInput:
    code: str
    text: str
    due_date: date | None = None


@strawberry.input(name="ProgrammeAssessmentInput")
class AssessmentInput:
    cycle: str = strawberry.field(description="The review cycle, e.g. 2026")
    rating: AssessmentRating
    comment: str | None = None


@strawberry.input
class OccEvaluationInput:
    unit: str
    level: OccLevel
    result: OccResult
    evaluated_on: date
    remarks: str | None = None
