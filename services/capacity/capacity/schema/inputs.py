"""GraphQL inputs of capacity and their translation into domain values."""

from __future__ import annotations

import strawberry

from capacity.domain import RequestSubmission
from capacity.repository import RequestCriteria
from capacity.schema.enums import RequestStatus, SupportArea


@strawberry.input
class SubmitCapacityRequestInput:
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None = None

    def submission(self) -> RequestSubmission:
        return RequestSubmission(partner_iso=self.partner_iso, areas=list(self.areas), title=self.title,
                                 description=self.description, justification=self.justification)


@strawberry.input
class CapacityRequestFilter:
    partner_iso: str | None = None
    status: list[RequestStatus] | None = None

    def criteria(self) -> RequestCriteria:
        return RequestCriteria(partner_iso=self.partner_iso.strip().upper() if self.partner_iso else None,
                               statuses=self.status)
