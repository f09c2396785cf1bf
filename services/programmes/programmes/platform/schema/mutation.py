"""Running the Interoperability Platform: membership, meetings and common actions. Each mutation opens a unit of
work, calls one use case and returns what changed."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from programmes.platform import use_cases as platform
from programmes.platform.schema.inputs import ActionId, ActionInput, MeetingId, MeetingInput
from programmes.platform.schema.types import AssignmentStatus, CommonAction, PlatformMeeting
from programmes.types import Partner, PartnerIso
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.ids import parse_id


@strawberry.type(description="Running the Interoperability Platform")
class PlatformMutation:
    @strawberry.mutation(description="Schedule a Platform meeting: PLANNED. Staff only.")
    async def schedule_platform_meeting(
        self, info: strawberry.Info, input: Annotated[MeetingInput, strawberry.argument(description="The meeting")]
    ) -> PlatformMeeting:
        async with info.context.unit_of_work() as uow:
            return await platform.schedule_meeting(uow, input.details())

    @strawberry.mutation(description="PLANNED -> HELD, on or after its day, with what it concluded. Staff only.")
    async def record_platform_meeting_held(
        self,
        info: strawberry.Info,
        id: MeetingId,
        summary: Annotated[str, strawberry.argument(description="What it concluded, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> PlatformMeeting:
        async with info.context.unit_of_work() as uow:
            return await platform.record_meeting_held(uow, parse_id(id), summary, expected_version)

    @strawberry.mutation(description="PLANNED -> CANCELLED, with a reason. Staff only.")
    async def cancel_platform_meeting(
        self, info: strawberry.Info, id: MeetingId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> PlatformMeeting:
        async with info.context.unit_of_work() as uow:
            return await platform.cancel_meeting(uow, parse_id(id), reason, expected_version)

    @strawberry.mutation(
        description="A HELD meeting sets a common action for member partners: OPEN, each assignee ASSIGNED. Staff only."
    )
    async def set_common_action(
        self,
        info: strawberry.Info,
        meeting_id: Annotated[strawberry.ID, strawberry.argument(description="The meeting that sets it")],
        input: Annotated[ActionInput, strawberry.argument(description="The action")],
    ) -> CommonAction:
        async with info.context.unit_of_work() as uow:
            return await platform.set_action(uow, parse_id(meeting_id, "meetingId"), input.details())

    @strawberry.mutation(
        description="An assignee's progress on an OPEN action: IN_PROGRESS or COMPLETED; when "
        "the last assignee completes it the action is COMPLETED. A partner for itself; "
        "staff for any assignee."
    )
    async def report_common_action_progress(
        self,
        info: strawberry.Info,
        id: ActionId,
        status: Annotated[AssignmentStatus, strawberry.argument(description="IN_PROGRESS or COMPLETED")],
        note: Annotated[str | None, strawberry.argument(description="What was done, at most 2,000 characters")] = None,
        partner_iso: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The assignee: staff must give it; a partner's own is implied"),
        ] = None,
        expected_version: ExpectedVersion = None,
    ) -> CommonAction:
        async with info.context.unit_of_work() as uow:
            return await platform.report_progress(
                uow, parse_id(id), str(partner_iso) if partner_iso else None, status, note, expected_version
            )

    @strawberry.mutation(description="OPEN -> DROPPED, with a reason. Staff only.")
    async def drop_common_action(
        self, info: strawberry.Info, id: ActionId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> CommonAction:
        async with info.context.unit_of_work() as uow:
            return await platform.drop_action(uow, parse_id(id), reason, expected_version)


# Membership changes the partner (its flag and dates travel on programmes.partner.v1); its mutations sit among
# the partners' in the schema, apart from the meetings' and actions'.
@strawberry.type(description="Joining and leaving the Interoperability Platform")
class MembershipMutation:
    @strawberry.mutation(
        description="A partner joins the Interoperability Platform on a day (not in the future; "
        "CONFLICT if it is a member, or suspended). Staff only."
    )
    async def join_interoperability_platform(
        self,
        info: strawberry.Info,
        iso: PartnerIso,
        joined_on: Annotated[date, strawberry.argument(description="The day it joined")],
        expected_version: ExpectedVersion = None,
    ) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await platform.join_platform(uow, str(iso), joined_on, expected_version)

    @strawberry.mutation(
        description="A member partner leaves the Interoperability Platform on a day (CONFLICT if it "
        "is not a member). Staff only."
    )
    async def leave_interoperability_platform(
        self,
        info: strawberry.Info,
        iso: PartnerIso,
        left_on: Annotated[date, strawberry.argument(description="The day it left")],
        expected_version: ExpectedVersion = None,
    ) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await platform.leave_platform(uow, str(iso), left_on, expected_version)
