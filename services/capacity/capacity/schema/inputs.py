"""GraphQL inputs of capacity and their translation into domain values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry

from capacity.domain import ContributionDetails, RequestSubmission
from capacity.repository import RequestCriteria
from capacity.schema.enums import ContributionKind, Priority, RagStatus, Recommendation, RequestStatus, SupportArea
from shared.errors import BadUserInput


@strawberry.input
class SubmitCapacityRequestInput:
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None = None
    priority: Priority = Priority.MEDIUM

    def submission(self) -> RequestSubmission:
        return RequestSubmission(partner_iso=self.partner_iso, areas=list(self.areas), title=self.title,
                                 description=self.description, justification=self.justification,
                                 priority=self.priority)


@strawberry.input(description="Only the fields given change")
class CapacityRequestChanges:
    areas: list[SupportArea] | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    justification: str | None = strawberry.UNSET
    priority: Priority | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        result = {k: v for k, v in vars(self).items() if v is not strawberry.UNSET}
        for name, value in result.items():
            if value is None and name != "justification":
                raise BadUserInput(f"{name} cannot be null", field=name)
        return result


@strawberry.input
class CapacityRequestFilter:
    partner_iso: str | None = None
    status: list[RequestStatus] | None = None
    area: list[SupportArea] | None = None
    on_hold: bool | None = None

    def criteria(self) -> RequestCriteria:
        return RequestCriteria(partner_iso=self.partner_iso.strip().upper() if self.partner_iso else None,
                               statuses=self.status, areas=self.area, on_hold=self.on_hold)


@strawberry.input
class RequestAssessmentInput:
    findings: str
    recommendation: Recommendation


@strawberry.input
class MeasureInput:
    area: SupportArea
    title: str
    lead_nation: str
    contributing_nations: list[str] = strawberry.field(default_factory=list)
    activity_ids: list[strawberry.ID] = strawberry.field(default_factory=list)


@strawberry.input
class ContributionInput:
    nation: str
    kind: ContributionKind
    quantity: int | None = None
    amount: Decimal | None = None
    currency: str | None = None
    description: str | None = None

    def details(self) -> ContributionDetails:
        return ContributionDetails(nation=self.nation, kind=self.kind, quantity=self.quantity, amount=self.amount,
                                   currency=self.currency, description=self.description)


@strawberry.input
class ProgressReportInput:
    period: str = strawberry.field(description="2026, 2026-H1 or 2026-Q3")
    status: RagStatus
    narrative: str
