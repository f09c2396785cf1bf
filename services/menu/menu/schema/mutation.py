"""Menu mutations: each opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

import strawberry

from menu import service
from menu.schema.inputs import (
    NULLABLE_ACTIVITY_FIELDS,
    ActivityChanges,
    ActivityInput,
    OccurrenceChanges,
    OccurrenceInput,
)
from menu.schema.types import Activity, Occurrence
from shared.graphql.changes import given
from shared.graphql.ids import parse_id


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create a DRAFT activity")
    async def create_activity(self, info: strawberry.Info, input: ActivityInput) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await service.create_activity(uow, input.pcm_ref, input.details())

    @strawberry.mutation
    async def update_activity(self, info: strawberry.Info, id: strawberry.ID, input: ActivityChanges,
                              expected_version: int | None = None) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await service.update_activity(uow, parse_id(id), given(input, NULLABLE_ACTIVITY_FIELDS),
                                                 expected_version)

    @strawberry.mutation
    async def publish_activity(self, info: strawberry.Info, id: strawberry.ID,
                               expected_version: int | None = None) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await service.publish_activity(uow, parse_id(id), expected_version)

    @strawberry.mutation(description="Withdraw a published activity; its occurrences still to come are cancelled")
    async def withdraw_activity(self, info: strawberry.Info, id: strawberry.ID, reason: str,
                                expected_version: int | None = None) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await service.withdraw_activity(uow, parse_id(id), reason, expected_version)

    @strawberry.mutation
    async def archive_activity(self, info: strawberry.Info, id: strawberry.ID,
                               expected_version: int | None = None) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await service.archive_activity(uow, parse_id(id), expected_version)

    @strawberry.mutation(description="Add a PLANNED occurrence to a draft or published activity")
    async def schedule_occurrence(self, info: strawberry.Info, activity_id: strawberry.ID,
                                  input: OccurrenceInput) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await service.schedule_occurrence(uow, parse_id(activity_id, "activityId"), input.details())

    @strawberry.mutation
    async def update_occurrence(self, info: strawberry.Info, id: strawberry.ID, input: OccurrenceChanges,
                                expected_version: int | None = None) -> Occurrence:
        changes = given(input, frozenset({"registration_deadline"}))
        async with info.context.unit_of_work() as uow:
            return await service.update_occurrence(uow, parse_id(id), changes, expected_version)

    @strawberry.mutation(description="PLANNED -> OPEN")
    async def open_occurrence_registration(self, info: strawberry.Info, id: strawberry.ID,
                                           expected_version: int | None = None) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await service.advance_occurrence(uow, parse_id(id), "registration_opened", expected_version)

    @strawberry.mutation(description="OPEN -> CLOSED")
    async def close_occurrence_registration(self, info: strawberry.Info, id: strawberry.ID,
                                            expected_version: int | None = None) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await service.advance_occurrence(uow, parse_id(id), "registration_closed", expected_version)

    @strawberry.mutation(description="CLOSED -> HELD")
    async def mark_occurrence_held(self, info: strawberry.Info, id: strawberry.ID,
                                   expected_version: int | None = None) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await service.advance_occurrence(uow, parse_id(id), "held", expected_version)

    @strawberry.mutation(description="Cancel an occurrence that has not been held")
    async def cancel_occurrence(self, info: strawberry.Info, id: strawberry.ID, reason: str,
                                expected_version: int | None = None) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await service.cancel_occurrence(uow, parse_id(id), reason, expected_version)
