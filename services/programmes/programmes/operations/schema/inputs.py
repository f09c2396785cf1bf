"""The GraphQL inputs and arguments of contributions to operations, and their translation into domain values."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from programmes.operations.repository import ContributionCriteria
from programmes.operations.rules import ContributionDetails
from programmes.operations.schema.types import ContributionKind, ContributionStatus, Operation

ContributionId = Annotated[strawberry.ID, strawberry.argument(description="The contribution's id")]


@strawberry.input(description="A contribution a partner offers; it starts OFFERED")
class OperationalContributionInput:
    partner_iso: strawberry.ID = strawberry.field(description="The partner (ISO 3166 alpha-3); a partner its own")
    operation: Operation = strawberry.field(description="The operation")
    kind: ContributionKind = strawberry.field(description="What is contributed")
    size: int = strawberry.field(description="How much: personnel, ships, aircraft or thousand euros by kind")
    period_start: date = strawberry.field(description="When it starts, within the operation")
    period_end: date | None = strawberry.field(default=None, description="When it ends, if known")
    description: str | None = strawberry.field(default=None, description="What else to say, at most 2,000 characters")

    def details(self) -> ContributionDetails:
        return ContributionDetails(
            partner_iso=str(self.partner_iso),
            operation=self.operation,
            kind=self.kind,
            size=self.size,
            period_start=self.period_start,
            period_end=self.period_end,
            description=self.description,
        )


@strawberry.input(description="Which contributions: all given criteria must hold; a list matches any of its values")
class OperationalContributionFilter:
    partner_iso: strawberry.ID | None = strawberry.field(default=None, description="Of this partner")
    operations: list[Operation] | None = strawberry.field(default=None, description="To any of these operations")
    kinds: list[ContributionKind] | None = strawberry.field(default=None, description="Of any of these kinds")
    statuses: list[ContributionStatus] | None = strawberry.field(default=None, description="In any of these statuses")

    def criteria(self) -> ContributionCriteria:
        return ContributionCriteria(
            partner_iso=str(self.partner_iso).strip().upper() if self.partner_iso else None,
            operations=tuple(self.operations or ()),
            kinds=tuple(self.kinds or ()),
            statuses=tuple(self.statuses or ()),
        )
