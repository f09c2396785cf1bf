"""GraphQL inputs of requests for support and their translation into domain values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from capacity.requests.repository import REQUEST_SORT, RequestCriteria, RequestOrdering
from capacity.requests.rules import ContributionDetails, RequestSubmission
from capacity.requests.schema.types import (
    ASSESSMENT_FIELDS,
    CONTRIBUTION_FIELDS,
    MEASURE_FIELDS,
    REPORT_FIELDS,
    REQUEST_FIELDS,
    ContributionKind,
    RagStatus,
    Recommendation,
    RequestOrder,
    RequestStatus,
    SupportArea,
)
from shared.graphql.changes import given
from shared.graphql.descriptions import described
from shared.graphql.ids import parse_id
from shared.graphql.vocabulary import Priority
from shared.ordering import Direction

FILTER_FIELDS = {
    "partner_iso": "Requests of this partner, ISO 3166 alpha-3 (any case); a partner capacity does not know is "
    "BAD_USER_INPUT",
    "statuses": "Requests in any of these statuses; empty or null: any status",
    "areas": "Requests asking for any of these areas; empty or null: any area",
    "on_hold": "Requests on hold (true) or not (false); null: both",
}

ORDER_FIELDS = {"field": "What to order by", "direction": "Which way"}


@described(REQUEST_FIELDS)
@strawberry.input(description="A new request for support; it starts SUBMITTED")
class SubmitCapacityRequestInput:
    partner_iso: strawberry.ID = strawberry.field(
        description="The partner asking, ISO 3166 alpha-3 (any case); a partner caller submits for itself only"
    )
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None = None
    priority: Priority = Priority.MEDIUM

    def submission(self) -> RequestSubmission:
        return RequestSubmission(
            partner_iso=str(self.partner_iso),
            areas=list(self.areas),
            title=self.title,
            description=self.description,
            justification=self.justification,
            priority=self.priority,
        )


@described(REQUEST_FIELDS)
@strawberry.input(description="Only the fields given change; null clears justification and is refused for the others")
class CapacityRequestChanges:
    areas: list[SupportArea] | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    justification: str | None = strawberry.field(
        default=strawberry.UNSET, description="Why it is needed, at most 10,000 characters; null clears it"
    )
    priority: Priority | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        return given(self, nullable=frozenset({"justification"}))


@described(FILTER_FIELDS)
@strawberry.input(description="All given criteria must hold; a list matches any of its values")
class CapacityRequestFilter:
    partner_iso: strawberry.ID | None = None
    statuses: list[RequestStatus] | None = None
    areas: list[SupportArea] | None = None
    on_hold: bool | None = None

    def criteria(self) -> RequestCriteria:
        return RequestCriteria(
            partner_iso=str(self.partner_iso).strip().upper() if self.partner_iso else None,
            statuses=self.statuses,
            areas=self.areas,
            on_hold=self.on_hold,
        )


@described(ORDER_FIELDS)
@strawberry.input(description="Requests, oldest first unless asked otherwise")
class CapacityRequestOrderBy:
    field: RequestOrder = RequestOrder.CREATED_AT
    direction: Direction = Direction.ASC

    def ordering(self) -> RequestOrdering:
        return RequestOrdering(self.field, self.direction, REQUEST_SORT)


@described(ASSESSMENT_FIELDS)
@strawberry.input(description="An assessment of a request UNDER_ASSESSMENT")
class RequestAssessmentInput:
    findings: str
    recommendation: Recommendation


@described(MEASURE_FIELDS)
@strawberry.input(description="A new measure of a proposed package")
class MeasureInput:
    area: SupportArea
    title: str
    lead_nation: str
    contributing_nations: list[str] = strawberry.field(default_factory=list)
    activity_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@described(MEASURE_FIELDS)
@strawberry.input(
    description="Only the fields given change (null is refused); once the package is agreed, only activityIds"
)
class MeasureChanges:
    area: SupportArea | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    lead_nation: str | None = strawberry.UNSET
    contributing_nations: list[str] | None = strawberry.UNSET
    activity_ids: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET,
        description="The ids of the menu activities it links, replacing the list; each "
        "newly linked one must be published on the menu",
    )

    def changes(self) -> dict[str, Any]:
        changes = given(self)
        if "activity_ids" in changes:
            changes["activity_ids"] = [parse_id(a, "activityIds") for a in changes["activity_ids"]]
        return changes


@described(CONTRIBUTION_FIELDS)
@strawberry.input(
    description="Only the fields given change (the nation never does); null clears quantity, "
    "amount, currency or description, and the result must still fit the kind"
)
class ContributionChanges:
    kind: ContributionKind | None = strawberry.UNSET
    quantity: int | None = strawberry.UNSET
    amount: Decimal | None = strawberry.UNSET
    currency: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        return given(self, nullable=frozenset({"quantity", "amount", "currency", "description"}))


@described(CONTRIBUTION_FIELDS)
@strawberry.input(description="A nation's contribution to a measure")
class ContributionInput:
    nation: str
    kind: ContributionKind
    quantity: int | None = None
    amount: Decimal | None = None
    currency: str | None = None
    description: str | None = None

    def details(self) -> ContributionDetails:
        return ContributionDetails(
            nation=self.nation,
            kind=self.kind,
            quantity=self.quantity,
            amount=self.amount,
            currency=self.currency,
            description=self.description,
        )


@described(REPORT_FIELDS)
@strawberry.input(description="A progress report for one period of an agreed package")
class ProgressReportInput:
    period: str = strawberry.field(
        description="The period reported on: a year (2026), a half (2026-H1) or a "
        "quarter (2026-Q3), under way or past and not ended before the "
        "package's approval; one report per period"
    )
    status: RagStatus
    narrative: str
