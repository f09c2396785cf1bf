"""The participation's part of Mutation: each opens a unit of work, calls one use case and returns what
changed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.participation import use_cases
from menu.participation.rules import Ratings
from menu.participation.schema.inputs import FeedbackInput, NominationId, ParticipantInput
from menu.participation.schema.types import Participant
from menu.types import Nomination
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.ids import parse_id


@strawberry.type(description="Nominations: from the nominating partner's side and the provider's")
class ParticipationMutation:
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
            return await use_cases.nominate(
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
            return await use_cases.confirm(uow, parse_id(id), expected_version)

    @strawberry.mutation(
        description="NOMINATED or WAITLISTED -> DECLINED, with a reason; a seat it held goes to "
        "the first waitlisted nomination that fits the quotas. The activity's provider "
        "or staff."
    )
    async def decline_nomination(
        self, info: strawberry.Info, id: NominationId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Nomination:
        async with info.context.unit_of_work() as uow:
            return await use_cases.decline(uow, parse_id(id), reason, expected_version)

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
            return await use_cases.withdraw(uow, parse_id(id), reason, expected_version)

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
            return await use_cases.record_attendance(uow, parse_id(id), attended, expected_version)

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
            return await use_cases.record_feedback(uow, parse_id(id), ratings, feedback.comment)

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
            return await use_cases.erase_participant(uow, parse_id(id))
