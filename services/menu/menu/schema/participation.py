"""Participation in GraphQL: nominations to occurrences, their participants, seats, attendance, feedback."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from menu import models, nominations
from menu.access import READ_NOMINATIONS
from menu.participation import NominationStatus, ParticipantDetails, Ratings
from menu.repository import FeedbackSummary, NominationCriteria, SeatCount
from shared.auth import Role
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
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


NominationId = Annotated[strawberry.ID, strawberry.argument(description="The nomination's id")]
NominationsBy = Annotated[
    "NominationFilter | None", strawberry.argument(description="Which nominations; all when omitted")
]


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


@strawberry.type(description="A partner's nomination of a participant to an occurrence")
class Nomination:
    is_type_of = served_from(models.Nomination)
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


@strawberry.type(description="Nominations: from the nominating partner's side and the provider's")
class NominationMutation:
    @strawberry.mutation(
        description="Nominate a participant to an OPEN occurrence of a published activity open to "
        "the partner, before its registration deadline (or its start, without one). "
        "NOMINATED if a seat is free within the total and the partner's quota, "
        "otherwise WAITLISTED. A partner nominates for itself; staff for any partner."
    )
    async def nominate_participant(
        self,
        info: strawberry.Info,
        occurrence_id: Annotated[strawberry.ID, strawberry.argument(description="The occurrence")],
        participant: Annotated[ParticipantInput, strawberry.argument(description="The person")],
        partner_iso: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The partner nominating (ISO 3166 alpha-3): staff must give it; a partner's own is implied"
            ),
        ] = None,
    ) -> Nomination:
        async with info.context.unit_of_work() as uow:
            return await nominations.nominate(
                uow,
                parse_id(occurrence_id, "occurrenceId"),
                str(partner_iso) if partner_iso else None,
                participant.details(),
            )

    @strawberry.mutation(description="NOMINATED -> CONFIRMED. The activity's provider or staff.")
    async def confirm_nomination(
        self, info: strawberry.Info, id: NominationId, expected_version: ExpectedVersion = None
    ) -> Nomination:
        async with info.context.unit_of_work() as uow:
            return await nominations.confirm(uow, parse_id(id), expected_version)

    @strawberry.mutation(
        description="NOMINATED or WAITLISTED -> DECLINED, with a reason; a seat it held goes to "
        "the first waitlisted nomination that fits the quotas. The activity's provider "
        "or staff."
    )
    async def decline_nomination(
        self, info: strawberry.Info, id: NominationId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Nomination:
        async with info.context.unit_of_work() as uow:
            return await nominations.decline(uow, parse_id(id), reason, expected_version)

    @strawberry.mutation(
        description="NOMINATED, WAITLISTED or CONFIRMED -> WITHDRAWN, before the occurrence "
        "starts; a seat it held goes to the first waitlisted nomination that fits the "
        "quotas. The nominating partner or staff."
    )
    async def withdraw_nomination(
        self,
        info: strawberry.Info,
        id: NominationId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if the partner says")] = None,
        expected_version: ExpectedVersion = None,
    ) -> Nomination:
        async with info.context.unit_of_work() as uow:
            return await nominations.withdraw(uow, parse_id(id), reason, expected_version)

    @strawberry.mutation(
        description="Once the occurrence is HELD: CONFIRMED -> ATTENDED, or NO_SHOW. The activity's provider or staff."
    )
    async def record_attendance(
        self,
        info: strawberry.Info,
        id: NominationId,
        attended: Annotated[bool, strawberry.argument(description="True: ATTENDED; false: NO_SHOW")],
        expected_version: ExpectedVersion = None,
    ) -> Nomination:
        async with info.context.unit_of_work() as uow:
            return await nominations.record_attendance(uow, parse_id(id), attended, expected_version)

    @strawberry.mutation(
        description="A feedback report for a participant who ATTENDED, once per nomination. The "
        "nominating partner or staff."
    )
    async def record_feedback(
        self,
        info: strawberry.Info,
        id: NominationId,
        feedback: Annotated[FeedbackInput, strawberry.argument(description="The ratings and comment")],
    ) -> Nomination:
        ratings = Ratings(feedback.content, feedback.delivery, feedback.relevance)
        async with info.context.unit_of_work() as uow:
            return await nominations.record_feedback(uow, parse_id(id), ratings, feedback.comment)

    @strawberry.mutation(
        description="Erase a participant's personal data on their request: name, email, rank, "
        "organisation and languages go; their nominations stay, anonymised. The "
        "nominating partner or staff."
    )
    async def erase_participant(
        self,
        info: strawberry.Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The participant's id")],
    ) -> Participant:
        async with info.context.unit_of_work() as uow:
            return await nominations.erase_participant(uow, parse_id(id))


@strawberry.type(description="Nominations by id")
class NominationQuery:
    @strawberry.field(
        description="One nomination by id, if the caller may see it: its partner, the provider of its "
        "activity, staff, Allies and systems"
    )
    async def nomination(self, info: strawberry.Info, id: NominationId) -> Nomination | None:
        READ_NOMINATIONS.require(info.context.actor)
        return await info.context.loaders.nomination_by_id.load(parse_id(id))
