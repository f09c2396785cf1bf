"""GraphQL inputs and arguments of Trust Fund projects, and their translation into domain values."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from capacity.trust_funds.repository import ProjectCriteria
from capacity.trust_funds.rules import PhaseDetails, ProjectDetails
from capacity.trust_funds.schema.types import ProjectKind, ProjectStatus

ProjectId = Annotated[strawberry.ID, strawberry.argument(description="The project's id")]


@strawberry.input(description="A phase of a project")
class TrustFundPhaseInput:
    name: str = strawberry.field(description="What it does, at most 200 characters")
    budget_eur: Decimal = strawberry.field(description="Its budget in euros, above 0, two decimals at most")

    def details(self) -> PhaseDetails:
        return PhaseDetails(name=self.name, budget_eur=self.budget_eur)


@strawberry.input(description="A new project; it starts PROPOSED")
class TrustFundProjectInput:
    beneficiary_iso: str = strawberry.field(description="The partner it is for (ISO 3166 alpha-3)")
    kind: ProjectKind = strawberry.field(description="What it does")
    title: str = strawberry.field(description="Its title, at most 200 characters")
    description: str = strawberry.field(description="What it is about, at most 10,000 characters")
    lead_nations: list[str] = strawberry.field(description="Its lead nations (ISO 3166 alpha-3), at least one")
    phases: list[TrustFundPhaseInput] = strawberry.field(description="Its phases, at least one")

    def details(self) -> ProjectDetails:
        return ProjectDetails(
            beneficiary_iso=self.beneficiary_iso,
            kind=self.kind,
            title=self.title,
            description=self.description,
            lead_nations=self.lead_nations,
            phases=[p.details() for p in self.phases],
        )


@strawberry.input(description="Which projects: all given criteria must hold")
class TrustFundFilter:
    statuses: list[ProjectStatus] | None = strawberry.field(default=None, description="In any of these")
    kinds: list[ProjectKind] | None = strawberry.field(default=None, description="Of any of these kinds")
    beneficiary_iso: str | None = strawberry.field(default=None, description="For this partner")

    def criteria(self) -> ProjectCriteria:
        return ProjectCriteria(
            statuses=tuple(self.statuses or ()),
            kinds=tuple(self.kinds or ()),
            beneficiary_iso=self.beneficiary_iso.strip().upper() if self.beneficiary_iso else None,
        )


Amount = Annotated[Decimal, strawberry.argument(description="How much, in euros (two decimals at most)")]
Nation = Annotated[
    str | None,
    strawberry.argument(description="The nation: staff must give it; an Ally's or a partner's own is implied"),
]
