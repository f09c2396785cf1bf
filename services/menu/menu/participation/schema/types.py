"""The participation's GraphQL types and enums: nominations, their participants, seats, attendance, feedback."""

from __future__ import annotations

from datetime import datetime

import strawberry

from menu.participation import models
from menu.participation.repository import FeedbackSummary, SeatCount
from menu.participation.rules import NominationStatus
from shared.auth import Role
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.rows import served_from

described_enum(
    NominationStatus,
    "Where a nomination stands: NOMINATED or WAITLISTED on arrival, then CONFIRMED or "
    "DECLINED by the provider, WITHDRAWN by the partner, ATTENDED or NO_SHOW once held",
    {
        "NOMINATED": "Holds a seat, awaiting the provider's confirmation",
        "WAITLISTED": "No seat was free within the total or the partner's quota: waits, in arrival order",
        "CONFIRMED": "The provider confirmed the seat",
        "DECLINED": "The provider declined it (the reason is in its transitions)",
        "WITHDRAWN": "Withdrawn by the nominating partner (or staff) before the occurrence started",
        "ATTENDED": "The participant attended the held occurrence",
        "NO_SHOW": "The participant was confirmed but did not attend",
    },
)


def _reads_no_free_text(info: strawberry.Info) -> bool:
    """Allies and systems see every nomination but not what people wrote about a participant, nor who they are:
    a partner sees its own nominations only, a provider those to its activities."""
    return bool(info.context.actor.is_(Role.ALLY, Role.SYSTEM))


@strawberry.type(description="An occurrence's seats and waitlist, counted over every partner's nominations")
class Seats:
    total: int = strawberry.field(description="Seats offered")
    taken: int = strawberry.field(description="Seats held by nominations NOMINATED, CONFIRMED, ATTENDED or NO_SHOW")
    waitlisted: int = strawberry.field(description="Nominations waiting for a seat")
    remaining: int = strawberry.field(description="Seats still free (0 when full)")


@strawberry.type(description="Averages of the feedback reports on an occurrence, 1 (poor) to 5 (excellent)")
class FeedbackAverages:
    reports: int = strawberry.field(description="How many reports were given")
    content: float | None = strawberry.field(description="Average rating of the content; null without reports")
    delivery: float | None = strawberry.field(description="Average rating of the delivery; null without reports")
    relevance: float | None = strawberry.field(
        description="Average rating of the relevance to the partner's needs; null without reports"
    )


@strawberry.type(
    description="A person a partner nominates. Personal data: seen only by that partner, the provider "
    "of an activity they are nominated to, and staff; null once erased on request"
)
class Participant:
    is_type_of = served_from(models.Participant)
    id: strawberry.ID = strawberry.field(description="The participant's id, the one events carry")
    partner_iso: strawberry.ID = strawberry.field(description="The nominating partner (ISO 3166 alpha-3)")
    name: str | None = strawberry.field(description="Full name; null once erased")
    email: str | None = strawberry.field(
        description="Email address, which identifies the person within the partner; null once erased"
    )
    rank_or_function: str | None = strawberry.field(description="Rank or function; null if not given or erased")
    organisation: str | None = strawberry.field(description="Ministry, service or agency; null if not given or erased")
    languages: list[str] = strawberry.field(description="Working languages, ISO 639-1 codes; empty once erased")
    erased_at: datetime | None = strawberry.field(description="When the personal data was erased; null while kept")


@strawberry.type(description="One step of a nomination's lifecycle: who took it, when and why (no personal data)")
class NominationTransition:
    from_status: NominationStatus | None = strawberry.field(description="The status before; null on arrival")
    to_status: NominationStatus = strawberry.field(description="The status after")
    at: datetime = strawberry.field(description="When")

    @strawberry.field(
        description="Why, when one was given (a decline's reason, a promotion from the waitlist); "
        "null for Allies and systems, since reasons are free text about a person"
    )
    def reason(self, info: strawberry.Info) -> str | None:
        return None if _reads_no_free_text(info) else self.reason

    @strawberry.field(
        description="Who took the step: the token's subject and role, or the seed; null for Allies and systems"
    )
    def actor(self, info: strawberry.Info) -> str | None:
        return None if _reads_no_free_text(info) else self.actor


@strawberry.type(
    description="A feedback report on an attended occurrence; read by the nominating partner, the provider and staff"
)
class FeedbackReport:
    content: int = strawberry.field(description="Rating of the content, 1 (poor) to 5 (excellent)")
    delivery: int = strawberry.field(description="Rating of the delivery, 1 to 5")
    relevance: int = strawberry.field(description="Rating of the relevance to the partner's needs, 1 to 5")
    comment: str | None = strawberry.field(description="Free text, if any")
    created_at: datetime = strawberry.field(description="When it was given")


# A nomination's own fields, first in the type; menu.types.Nomination adds those reaching other concerns' types.
@strawberry.type
class NominationFields:
    id: strawberry.ID = strawberry.field(description="The nomination's id")
    occurrence_id: strawberry.ID = strawberry.field(description="The occurrence nominated to")
    activity_id: strawberry.ID = strawberry.field(description="The occurrence's activity")
    partner_iso: strawberry.ID = strawberry.field(description="The nominating partner (ISO 3166 alpha-3)")
    participant_id: strawberry.ID = strawberry.field(
        description="The participant's id (always shown; their personal data only to those allowed)"
    )
    status: NominationStatus = strawberry.field(description="Where it stands")

    @strawberry.field(description="Why it reached its status, when a reason was given; null for Allies and systems")
    def status_reason(self, info: strawberry.Info) -> str | None:
        return None if _reads_no_free_text(info) else self.status_reason

    arrival: int = strawberry.field(
        description="Order of arrival among all nominations: the waitlist is served in this order"
    )
    created_at: datetime = strawberry.field(description="When it arrived")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="The participant's personal data; null for callers who may not see it")
    async def participant(self, info: strawberry.Info) -> Participant | None:
        return await info.context.loaders.participant_by_id.load(self.participant_id)

    @strawberry.field(description="Every step of its lifecycle, oldest first, with the reasons given")
    async def transitions(self, info: strawberry.Info) -> list[NominationTransition]:
        return await info.context.loaders.nomination_transitions.load(self.id)

    history = history_field("nomination", actor_shown=lambda caller: not caller.is_(Role.ALLY, Role.SYSTEM))

    @strawberry.field(description="The feedback report, once given; null for callers who may not read it")
    async def feedback(self, info: strawberry.Info) -> FeedbackReport | None:
        return await info.context.loaders.feedback_report.load(self.id)


def seats_of(total: int, count: SeatCount) -> Seats:
    return Seats(total=total, taken=count.taken, waitlisted=count.waitlisted, remaining=max(total - count.taken, 0))


def averages(summary: FeedbackSummary) -> FeedbackAverages:
    return FeedbackAverages(
        reports=summary.reports, content=summary.content, delivery=summary.delivery, relevance=summary.relevance
    )


__all__ = [
    "FeedbackAverages",
    "FeedbackReport",
    "NominationFields",
    "NominationStatus",
    "NominationTransition",
    "Participant",
    "Seats",
    "averages",
    "seats_of",
]
