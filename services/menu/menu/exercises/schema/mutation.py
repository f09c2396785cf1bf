"""The exercise programme's part of Mutation: each opens a unit of work, calls one use case and returns what
changed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.exercises import use_cases
from menu.exercises.schema.inputs import (
    NULLABLE_EXERCISE_FIELDS,
    ExerciseChanges,
    ExerciseId,
    ExerciseInput,
    ParticipationId,
    ParticipationInput,
)
from menu.types import Exercise, ExerciseParticipation
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.changes import given
from shared.graphql.ids import parse_id


@strawberry.type(description="Changing the exercise programme")
class ExercisesMutation:
    @strawberry.mutation(description="Put an exercise on the five-year plan: PLANNED. Staff only.")
    async def plan_exercise(
        self, info: strawberry.Info, input: Annotated[ExerciseInput, strawberry.argument(description="The exercise")]
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await use_cases.plan_exercise(uow, input.details())

    @strawberry.mutation(description="Change a PLANNED or CONFIRMED exercise. Staff only.")
    async def update_exercise(
        self,
        info: strawberry.Info,
        id: ExerciseId,
        input: Annotated[ExerciseChanges, strawberry.argument(description="What changes")],
        expected_version: ExpectedVersion = None,
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_exercise(
                uow, parse_id(id), given(input, NULLABLE_EXERCISE_FIELDS), expected_version
            )

    @strawberry.mutation(
        description="Invite partners to a PLANNED or CONFIRMED exercise (the only way into a "
        "crisis-management exercise). Staff only."
    )
    async def invite_to_exercise(
        self,
        info: strawberry.Info,
        id: ExerciseId,
        partner_isos: Annotated[
            list[strawberry.ID], strawberry.argument(description="The partners (ISO 3166 alpha-3)")
        ],
        expected_version: ExpectedVersion = None,
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await use_cases.invite_to_exercise(
                uow, parse_id(id), [str(i) for i in partner_isos], expected_version
            )

    @strawberry.mutation(description="PLANNED -> CONFIRMED, once its dates are set. Staff only.")
    async def confirm_exercise(
        self, info: strawberry.Info, id: ExerciseId, expected_version: ExpectedVersion = None
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_exercise(uow, parse_id(id), "confirmed", None, expected_version)

    @strawberry.mutation(description="CONFIRMED -> CONDUCTED: it took place. Staff only.")
    async def mark_exercise_conducted(
        self, info: strawberry.Info, id: ExerciseId, expected_version: ExpectedVersion = None
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_exercise(uow, parse_id(id), "conducted", None, expected_version)

    @strawberry.mutation(
        description="PLANNED or CONFIRMED -> CANCELLED, with a reason; requests still alive are DECLINED. Staff only."
    )
    async def cancel_exercise(
        self, info: strawberry.Info, id: ExerciseId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Exercise:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_exercise(uow, parse_id(id), "cancelled", reason, expected_version)

    @strawberry.mutation(
        description="Ask to take part in an exercise open to the partner or inviting it, before it "
        "starts: REQUESTED. A partner for itself; staff for any partner."
    )
    async def request_exercise_participation(
        self,
        info: strawberry.Info,
        exercise_id: Annotated[strawberry.ID, strawberry.argument(description="The exercise")],
        input: Annotated[ParticipationInput, strawberry.argument(description="What the partner sends")],
        partner_iso: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The partner (ISO 3166 alpha-3): staff must give it; a partner's own is implied"
            ),
        ] = None,
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await use_cases.request_participation(
                uow, parse_id(exercise_id, "exerciseId"), str(partner_iso) if partner_iso else None, input.details()
            )

    @strawberry.mutation(
        description="REQUESTED -> APPROVED: the partner takes part. Staff, or the provider leading the exercise."
    )
    async def approve_exercise_participation(
        self,
        info: strawberry.Info,
        id: ParticipationId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if anything is to be said")] = None,
        expected_version: ExpectedVersion = None,
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await use_cases.decide_participation(uow, parse_id(id), "approved", reason, expected_version)

    @strawberry.mutation(
        description="REQUESTED -> DECLINED, with a reason. Staff, or the provider leading the exercise."
    )
    async def decline_exercise_participation(
        self, info: strawberry.Info, id: ParticipationId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await use_cases.decide_participation(uow, parse_id(id), "declined", reason, expected_version)

    @strawberry.mutation(description="REQUESTED or APPROVED -> WITHDRAWN. The partner that asked, or staff.")
    async def withdraw_exercise_participation(
        self,
        info: strawberry.Info,
        id: ParticipationId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if the partner says")] = None,
        expected_version: ExpectedVersion = None,
    ) -> ExerciseParticipation:
        async with info.context.unit_of_work() as uow:
            return await use_cases.withdraw_participation(uow, parse_id(id), reason, expected_version)
