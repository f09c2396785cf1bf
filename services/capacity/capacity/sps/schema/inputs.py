"""GraphQL inputs and arguments of SPS applications, and their translation into domain values."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from capacity.sps.repository import SpsCriteria
from capacity.sps.rules import SpsDetails
from capacity.sps.schema.types import KeyPriority, SpsKind, SpsStatus

ApplicationId = Annotated[strawberry.ID, strawberry.argument(description="The application's id")]


@strawberry.input(description="A new application; it starts SUBMITTED")
class SpsApplicationInput:
    kind: SpsKind = strawberry.field(description="What it asks to fund")
    key_priority: KeyPriority = strawberry.field(description="The key priority it answers")
    title: str = strawberry.field(description="Its title, at most 200 characters")
    summary: str = strawberry.field(description="What it is about, at most 10,000 characters")
    nato_country: str = strawberry.field(description="The NATO co-director's country: an Ally's account its own")
    nato_co_director: str = strawberry.field(description="The NATO co-director's name")
    partner_country: str = strawberry.field(
        description="The partner co-director's country: a partner's account its own"
    )
    partner_co_director: str = strawberry.field(description="The partner co-director's name")
    budget_eur: Decimal = strawberry.field(description="The budget asked, in euros, at most 10,000,000")

    def details(self) -> SpsDetails:
        return SpsDetails(
            kind=self.kind,
            key_priority=self.key_priority,
            title=self.title,
            summary=self.summary,
            nato_country=self.nato_country,
            nato_co_director=self.nato_co_director,
            partner_country=self.partner_country,
            partner_co_director=self.partner_co_director,
            budget_eur=self.budget_eur,
        )


@strawberry.input(description="Which applications: all given criteria must hold")
class SpsFilter:
    statuses: list[SpsStatus] | None = strawberry.field(default=None, description="In any of these")
    key_priorities: list[KeyPriority] | None = strawberry.field(default=None, description="Answering any of these")
    partner_country: str | None = strawberry.field(default=None, description="With a co-director from this partner")

    def criteria(self) -> SpsCriteria:
        return SpsCriteria(
            statuses=tuple(self.statuses or ()),
            key_priorities=tuple(self.key_priorities or ()),
            partner_country=self.partner_country.strip().upper() if self.partner_country else None,
        )


Outcome = Annotated[str, strawberry.argument(description="The review panel's outcome, at most 5,000 characters")]
