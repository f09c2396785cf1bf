"""The Interoperability Platform: its meetings and common actions, membership mutations, queries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from programmes.platform import models
from programmes.platform import use_cases as platform
from programmes.platform.repository import (
    ACTION_SORT,
    MEETING_SORT,
    ActionCriteria,
    ActionRepository,
    MeetingCriteria,
    MeetingRepository,
)
from programmes.platform.rules import ActionDetails, MeetingDetails
from programmes.schema.enums import ActionStatus, AssignmentStatus, MeetingFormat, MeetingStatus
from shared.graphql.arguments import After, ExpectedVersion, First, Reason
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

MeetingId = Annotated[strawberry.ID, strawberry.argument(description="The meeting's id")]
ActionId = Annotated[strawberry.ID, strawberry.argument(description="The common action's id")]


@strawberry.type(description="One step of a meeting's or a common action's lifecycle: who, when, why")
class PlatformStep:
    from_status: str | None = strawberry.field(description="The status before; null at the start")
    to_status: str = strawberry.field(description="The status after")
    partner_iso: strawberry.ID | None = strawberry.field(
        description="The assignee whose progress it is; null for the action's or meeting's own status"
    )
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    note: str | None = strawberry.field(description="Why, or what was reported")
    at: datetime = strawberry.field(description="When")


def _steps(rows: list[Any]) -> list[PlatformStep]:
    return [
        PlatformStep(
            from_status=getattr(r.from_status, "value", r.from_status),
            to_status=getattr(r.to_status, "value", r.to_status),
            partner_iso=getattr(r, "partner_iso", None),
            actor=r.actor,
            note=r.note,
            at=r.at,
        )
        for r in rows
    ]


@strawberry.type(description="One assignee's part of a common action, and its progress")
class ActionAssignment:
    partner_iso: strawberry.ID = strawberry.field(description="The assignee (ISO 3166 alpha-3)")
    status: AssignmentStatus = strawberry.field(description="Its progress")
    completed_on: date | None = strawberry.field(description="When it completed its part; null until then")
    note: str | None = strawberry.field(description="What it last reported")


@strawberry.federation.type(
    keys=["id"],
    description="A common action an Interoperability Platform meeting set for member partners, tracked to completion",
)
class CommonAction:
    is_type_of = served_from(models.CommonAction)
    id: strawberry.ID = strawberry.field(description="Its id")
    title: str = strawberry.field(description="What is to be done, in short")
    description: str = strawberry.field(description="What is to be done")
    due_on: date = strawberry.field(description="When it is due")
    status: ActionStatus = strawberry.field(description="Where it is")
    created_at: datetime = strawberry.field(description="When it was set")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(description="Each assignee's part, by partner: a partner's account sees its own only")
    async def assignments(self, info: strawberry.Info) -> list[ActionAssignment]:
        return await info.context.loaders.assignments.load(self.id)

    @strawberry.field(description="The meeting that set it; null if the caller does not see that meeting")
    async def meeting(self, info: strawberry.Info) -> PlatformMeeting | None:
        return await info.context.loaders.meeting_by_id.load(self.meeting_id)  # type: ignore[attr-defined]

    @strawberry.field(
        description="Every change of its status and of its assignees' progress, oldest first (a "
        "partner's account: the action's own and its own progress)"
    )
    async def transitions(self, info: strawberry.Info) -> list[PlatformStep]:
        return _steps(await info.context.loaders.action_transitions.load(self.id))

    # Its states carry every assignee's progress: a partner's account reads its own part above, not this.
    history = history_field("common_action", shown=lambda caller, action: caller.partner_only is None)

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> CommonAction | None:
        return await info.context.loaders.action_by_id.load(parse_id(representation["id"]))


@strawberry.federation.type(keys=["id"], description="A meeting of the Interoperability Platform")
class PlatformMeeting:
    is_type_of = served_from(models.PlatformMeeting)
    id: strawberry.ID = strawberry.field(description="Its id")
    title: str = strawberry.field(description="Its title")
    format: MeetingFormat = strawberry.field(description="How it is held")
    held_on: date = strawberry.field(description="The day it is (or was) held")
    location: str = strawberry.field(description="Where")
    attendees: list[strawberry.ID] = strawberry.field(description="Member partners taking part (ISO 3166 alpha-3)")
    summary: str | None = strawberry.field(description="What it concluded; null until it is held")
    status: MeetingStatus = strawberry.field(description="Where it is")
    created_at: datetime = strawberry.field(description="When it was scheduled")
    updated_at: datetime = strawberry.field(description="When it last changed")
    version: int = strawberry.field(description="Optimistic-concurrency version: pass it as expectedVersion")

    @strawberry.field(
        description="The common actions it set, earliest due first, by cursor pages (a partner's "
        "account: those assigned to it)"
    )
    async def actions(
        self, info: strawberry.Info, first: First = None, after: After = None
    ) -> Connection[CommonAction]:
        page = PageRequest.of(first, after, "PlatformMeeting.actions")
        loaders = info.context.loaders
        rows = await loaders.actions_of_meeting.load(PagedKey.of(self.id, page))
        return connection(rows, page, ACTION_SORT.cursor, lambda: loaders.action_count_of_meeting.load(self.id))

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[PlatformStep]:
        return _steps(await info.context.loaders.meeting_transitions.load(self.id))

    history = history_field("platform_meeting")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> PlatformMeeting | None:
        return await info.context.loaders.meeting_by_id.load(parse_id(representation["id"]))


async def actions_of_partner(
    info: strawberry.Info, iso: str, first: int | None, after: str | None
) -> Connection[CommonAction]:
    page = PageRequest.of(first, after, "Partner.commonActions")
    loaders = info.context.loaders
    rows = await loaders.actions_of_partner.load(PagedKey.of(iso, page))
    return connection(rows, page, ACTION_SORT.cursor, lambda: loaders.action_count_of_partner.load(iso))


@strawberry.input(description="A new Platform meeting; it starts PLANNED")
class MeetingInput:
    title: str = strawberry.field(description="Its title, at most 200 characters")
    format: MeetingFormat = strawberry.field(description="How it is held")
    held_on: date = strawberry.field(description="The day it is held")
    location: str = strawberry.field(description="Where")
    attendees: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Member partners taking part (ISO 3166 alpha-3); each must be a member"
    )

    def details(self) -> MeetingDetails:
        return MeetingDetails(
            title=self.title,
            format=self.format,
            held_on=self.held_on,
            location=self.location,
            attendees=[str(i) for i in self.attendees],
        )


@strawberry.input(description="A common action set by a held meeting")
class ActionInput:
    title: str = strawberry.field(description="What is to be done, in short, at most 200 characters")
    description: str = strawberry.field(description="What is to be done, at most 5,000 characters")
    due_on: date = strawberry.field(description="When it is due: after the meeting")
    assignees: list[strawberry.ID] = strawberry.field(
        description="The member partners it is assigned to (ISO 3166 alpha-3), 1 to 40"
    )

    def details(self) -> ActionDetails:
        return ActionDetails(
            title=self.title,
            description=self.description,
            due_on=self.due_on,
            assignees=[str(i) for i in self.assignees],
        )


@strawberry.input(description="Which meetings: all given criteria must hold; a list matches any of its values")
class MeetingFilter:
    statuses: list[MeetingStatus] | None = strawberry.field(default=None, description="In any of these statuses")
    formats: list[MeetingFormat] | None = strawberry.field(default=None, description="Of any of these formats")
    held_from: date | None = strawberry.field(default=None, description="Held on or after this day")
    held_to: date | None = strawberry.field(default=None, description="Held on or before this day")

    def criteria(self) -> MeetingCriteria:
        return MeetingCriteria(
            statuses=tuple(self.statuses or ()),
            formats=tuple(self.formats or ()),
            held_from=self.held_from,
            held_to=self.held_to,
        )


@strawberry.input(description="Which common actions: all given criteria must hold")
class ActionFilter:
    statuses: list[ActionStatus] | None = strawberry.field(default=None, description="In any of these statuses")
    assignee: strawberry.ID | None = strawberry.field(
        default=None, description="Assigned to this partner (ISO 3166 alpha-3)"
    )
    meeting_id: strawberry.ID | None = strawberry.field(default=None, description="Set by this meeting")
    due_before: date | None = strawberry.field(default=None, description="Due on or before this day")

    def criteria(self) -> ActionCriteria:
        return ActionCriteria(
            statuses=tuple(self.statuses or ()),
            assignee=str(self.assignee).strip().upper() if self.assignee else None,
            meeting_id=parse_id(self.meeting_id, "filter.meetingId") if self.meeting_id else None,
            due_before=self.due_before,
        )


@strawberry.type(description="Reading the Interoperability Platform")
class PlatformQuery:
    @strawberry.field(
        description="One Platform meeting by id; null if there is none the caller may see (a "
        "partner sees the meetings it took part in)"
    )
    async def platform_meeting(self, info: strawberry.Info, id: MeetingId) -> PlatformMeeting | None:
        return await info.context.loaders.meeting_by_id.load(parse_id(id))

    @strawberry.field(
        description="Platform meetings, latest first, by cursor pages; a partner sees those it took part in"
    )
    async def platform_meetings(
        self,
        info: strawberry.Info,
        filter: Annotated[
            MeetingFilter | None, strawberry.argument(description="Which meetings; all when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[PlatformMeeting]:
        criteria = (filter or MeetingFilter()).criteria()
        page = PageRequest.of(first, after, "platformMeetings")
        repository = MeetingRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, MEETING_SORT.cursor, lambda: repository.count(criteria))

    @strawberry.field(
        description="One common action by id; null if there is none the caller may see (a partner "
        "sees those assigned to it)"
    )
    async def common_action(self, info: strawberry.Info, id: ActionId) -> CommonAction | None:
        return await info.context.loaders.action_by_id.load(parse_id(id))

    @strawberry.field(
        description="Common actions, earliest due first, by cursor pages; a partner sees those assigned to it"
    )
    async def common_actions(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ActionFilter | None, strawberry.argument(description="Which actions; all when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[CommonAction]:
        criteria = (filter or ActionFilter()).criteria()
        page = PageRequest.of(first, after, "commonActions")
        repository = ActionRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, page)
        return connection(rows, page, ACTION_SORT.cursor, lambda: repository.count(criteria))


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


__all__ = ["CommonAction", "PlatformMeeting", "PlatformMutation", "PlatformQuery", "actions_of_partner"]
