"""GraphQL inputs and arguments of requests for disaster assistance, and their translation into domain values."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from capacity.assistance.repository import AssistanceCriteria
from capacity.assistance.rules import AssistanceDetails, AssistanceUpdate, NeedDetails
from capacity.assistance.schema.types import AssistanceStatus, DisasterType

RequestId = Annotated[strawberry.ID, strawberry.argument(description="The request for assistance's id")]
OfferId = Annotated[strawberry.ID, strawberry.argument(description="The offer's id")]


@strawberry.input(description="Something the stricken country needs")
class NeedInput:
    item: str = strawberry.field(description="What, at most 200 characters")
    quantity: Decimal = strawberry.field(description="How much, above 0")
    unit: str = strawberry.field(description="In what unit, at most 40 characters")

    def details(self) -> NeedDetails:
        return NeedDetails(item=self.item, quantity=self.quantity, unit=self.unit)


@strawberry.input(description="A request for assistance; it starts OPEN")
class AssistanceInput:
    stricken_country: str = strawberry.field(
        description="The stricken country (ISO 3166 alpha-3): an Ally's or a partner's account files for itself only"
    )
    disaster_type: DisasterType = strawberry.field(description="What struck it")
    title: str = strawberry.field(description="A short title, at most 200 characters")
    situation: str = strawberry.field(description="The situation, at most 10,000 characters")
    needs: list[NeedInput] = strawberry.field(description="What it needs: 1 to 50 items")

    def details(self) -> AssistanceDetails:
        return AssistanceDetails(
            stricken_country=self.stricken_country,
            disaster_type=self.disaster_type,
            title=self.title,
            situation=self.situation,
            needs=[n.details() for n in self.needs],
        )


@strawberry.input(description="Corrections to an open request: only the given fields change")
class AssistanceUpdateInput:
    disaster_type: DisasterType | None = strawberry.field(default=None, description="What struck it")
    title: str | None = strawberry.field(default=None, description="A short title, at most 200 characters")
    situation: str | None = strawberry.field(default=None, description="The situation, at most 10,000 characters")

    def update(self) -> AssistanceUpdate:
        return AssistanceUpdate(disaster_type=self.disaster_type, title=self.title, situation=self.situation)


@strawberry.input(description="Which requests: all given criteria must hold")
class AssistanceFilter:
    statuses: list[AssistanceStatus] | None = strawberry.field(default=None, description="In any of these")
    disaster_types: list[DisasterType] | None = strawberry.field(default=None, description="Of any of these")
    stricken_country: str | None = strawberry.field(default=None, description="Of this country")

    def criteria(self) -> AssistanceCriteria:
        return AssistanceCriteria(
            statuses=tuple(self.statuses or ()),
            disaster_types=tuple(self.disaster_types or ()),
            stricken_country=self.stricken_country.strip().upper() if self.stricken_country else None,
        )
