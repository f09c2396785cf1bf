"""The activities' part of Mutation: each opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.activities import use_cases
from menu.activities.schema.inputs import (
    NULLABLE_ACTIVITY_FIELDS,
    ActivityChanges,
    ActivityInput,
    OccurrenceChanges,
    OccurrenceInput,
)
from menu.types import Activity, Occurrence
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.changes import given
from shared.graphql.ids import parse_id

ActivityId = Annotated[strawberry.ID, strawberry.argument(description="The activity's id")]

OccurrenceId = Annotated[strawberry.ID, strawberry.argument(description="The occurrence's id")]

WHO_EDITS = " Staff, or the activity's own provider."

WHO_PUBLISHES = " Staff only."


@strawberry.type(description="Changing the menu's activities and their occurrences")
class ActivitiesMutation:
    @strawberry.mutation(
        description="Create a DRAFT activity. Staff, or a provider under its own code (the pcmRef prefix)."
    )
    async def create_activity(
        self, info: strawberry.Info, input: Annotated[ActivityInput, strawberry.argument(description="The activity")]
    ) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await use_cases.create_activity(uow, input.pcm_ref, input.details())

    @strawberry.mutation(
        description="Change a DRAFT or PUBLISHED activity (a published one keeps at least one "
        "framework or partner)." + WHO_EDITS
    )
    async def update_activity(
        self,
        info: strawberry.Info,
        id: ActivityId,
        input: Annotated[ActivityChanges, strawberry.argument(description="What changes")],
        expected_version: ExpectedVersion = None,
    ) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_activity(
                uow, parse_id(id), given(input, NULLABLE_ACTIVITY_FIELDS), expected_version
            )

    @strawberry.mutation(
        description="DRAFT -> PUBLISHED: on the menu, open to its frameworks and partners (it "
        "needs at least one)." + WHO_PUBLISHES
    )
    async def publish_activity(
        self, info: strawberry.Info, id: ActivityId, expected_version: ExpectedVersion = None
    ) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await use_cases.publish_activity(uow, parse_id(id), expected_version)

    @strawberry.mutation(
        description="PUBLISHED -> WITHDRAWN, with a reason; its occurrences still to come are "
        "cancelled, and programmes and capacity flag the plans and measures that chose "
        "it." + WHO_PUBLISHES
    )
    async def withdraw_activity(
        self, info: strawberry.Info, id: ActivityId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await use_cases.withdraw_activity(uow, parse_id(id), reason, expected_version)

    @strawberry.mutation(description="DRAFT or WITHDRAWN -> ARCHIVED: kept for the record only." + WHO_PUBLISHES)
    async def archive_activity(
        self, info: strawberry.Info, id: ActivityId, expected_version: ExpectedVersion = None
    ) -> Activity:
        async with info.context.unit_of_work() as uow:
            return await use_cases.archive_activity(uow, parse_id(id), expected_version)

    @strawberry.mutation(description="Add a PLANNED occurrence to a draft or published activity." + WHO_EDITS)
    async def schedule_occurrence(
        self,
        info: strawberry.Info,
        activity_id: ActivityId,
        input: Annotated[OccurrenceInput, strawberry.argument(description="The occurrence")],
    ) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await use_cases.schedule_occurrence(uow, parse_id(activity_id, "activityId"), input.details())

    @strawberry.mutation(
        description="Change a PLANNED or OPEN occurrence; more seats, or a larger quota, go to "
        "the waitlist." + WHO_EDITS
    )
    async def update_occurrence(
        self,
        info: strawberry.Info,
        id: OccurrenceId,
        input: Annotated[OccurrenceChanges, strawberry.argument(description="What changes")],
        expected_version: ExpectedVersion = None,
    ) -> Occurrence:
        changes = given(input, frozenset({"registration_deadline", "quota_per_partner"}))
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_occurrence(uow, parse_id(id), changes, expected_version)

    @strawberry.mutation(description="PLANNED -> OPEN: partners may nominate." + WHO_EDITS)
    async def open_occurrence_registration(
        self, info: strawberry.Info, id: OccurrenceId, expected_version: ExpectedVersion = None
    ) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_occurrence(uow, parse_id(id), "registration_opened", expected_version)

    @strawberry.mutation(description="OPEN -> CLOSED: no more nominations." + WHO_EDITS)
    async def close_occurrence_registration(
        self, info: strawberry.Info, id: OccurrenceId, expected_version: ExpectedVersion = None
    ) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_occurrence(uow, parse_id(id), "registration_closed", expected_version)

    @strawberry.mutation(description="CLOSED -> HELD: it took place; attendance can be recorded." + WHO_EDITS)
    async def mark_occurrence_held(
        self, info: strawberry.Info, id: OccurrenceId, expected_version: ExpectedVersion = None
    ) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_occurrence(uow, parse_id(id), "held", expected_version)

    @strawberry.mutation(description="PLANNED, OPEN or CLOSED -> CANCELLED, with a reason." + WHO_EDITS)
    async def cancel_occurrence(
        self, info: strawberry.Info, id: OccurrenceId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Occurrence:
        async with info.context.unit_of_work() as uow:
            return await use_cases.cancel_occurrence(uow, parse_id(id), reason, expected_version)
