"""The participation's GraphQL inputs and arguments, and their translation into domain values."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.participation.repository import NominationCriteria
from menu.participation.rules import ParticipantDetails
from menu.participation.schema.types import NominationStatus
from shared.graphql.ids import parse_id

NominationId = Annotated[strawberry.ID, strawberry.argument(description="The nomination's id")]


@strawberry.input(
    description="The person nominated. Nominating the same email again (for the same partner) "
    "updates and reuses that participant"
)
class ParticipantInput:
    name: str = strawberry.field(description="Full name, at most 200 characters")
    email: str = strawberry.field(description="Email address")
    rank_or_function: str | None = strawberry.field(default=None, description="Rank or function")
    organisation: str | None = strawberry.field(default=None, description="Ministry, service or agency")
    languages: list[str] = strawberry.field(default_factory=list, description="Working languages, ISO 639-1 codes")

    def details(self) -> ParticipantDetails:
        return ParticipantDetails(
            name=self.name,
            email=self.email,
            rank_or_function=self.rank_or_function,
            organisation=self.organisation,
            languages=list(self.languages),
        )


@strawberry.input(description="A feedback report, each rating 1 (poor) to 5 (excellent)")
class FeedbackInput:
    content: int = strawberry.field(description="The content")
    delivery: int = strawberry.field(description="The delivery")
    relevance: int = strawberry.field(description="The relevance to the partner's needs")
    comment: str | None = strawberry.field(default=None, description="Free text, at most 5,000 characters")


@strawberry.input(description="All given criteria must hold")
class NominationFilter:
    statuses: list[NominationStatus] | None = strawberry.field(default=None, description="Any of these statuses")
    occurrence_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Nominations to any of these occurrences"
    )

    def criteria(self) -> NominationCriteria:
        occurrences = tuple(parse_id(i, "filter.occurrenceIds") for i in self.occurrence_ids or ())
        return NominationCriteria(statuses=tuple(self.statuses or ()), occurrence_ids=occurrences)


NominationsBy = Annotated[
    NominationFilter | None, strawberry.argument(description="Which nominations; all when omitted")
]
