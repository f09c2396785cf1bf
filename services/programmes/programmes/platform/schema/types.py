"""The Interoperability Platform's GraphQL types: meetings and the common actions they set, with their steps,
and its enums registered with strawberry, every value described."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

import strawberry

from programmes.platform.models import CommonAction as CommonActionRow
from programmes.platform.models import PlatformMeeting as PlatformMeetingRow
from programmes.platform.repository import ACTION_SORT

# Registered below, and taken from here by every other schema module (strawberry would register a plain
# enum on its own if an input named it first).
from programmes.platform.rules import ActionStatus as ActionStatus
from programmes.platform.rules import AssignmentStatus as AssignmentStatus
from programmes.platform.rules import MeetingFormat as MeetingFormat
from programmes.platform.rules import MeetingStatus as MeetingStatus
from shared.graphql.arguments import After, First
from shared.graphql.enums import described_enum
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

described_enum(
    MeetingFormat,
    "How an Interoperability Platform meeting is held",
    {
        "PLENARY": "All member partners with the Allies",
        "THEMATIC": "Members interested in one subject (education and training, exercises, capabilities)",
        "MINISTERIAL": "Defence ministers of the Allies and member partners",
    },
)
described_enum(
    MeetingStatus,
    "Where a Platform meeting is: PLANNED -> HELD, or CANCELLED",
    {
        "PLANNED": "Scheduled",
        "HELD": "It took place; it may set common actions",
        "CANCELLED": "It will not take place (with a reason)",
    },
)
described_enum(
    ActionStatus,
    "Where a common action is: OPEN -> COMPLETED (each assignee completed it), or DROPPED",
    {
        "OPEN": "Being carried out",
        "COMPLETED": "Every assignee has completed it",
        "DROPPED": "Staff dropped it (with a reason)",
    },
)
described_enum(
    AssignmentStatus,
    "An assignee's progress on a common action: ASSIGNED -> IN_PROGRESS -> COMPLETED",
    {
        "ASSIGNED": "Not started",
        "IN_PROGRESS": "Under way",
        "COMPLETED": "Done",
    },
)


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
    is_type_of = served_from(CommonActionRow)
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
        # Served from its row (shared.graphql.rows), which holds the meeting's id the type does not show.
        return await info.context.loaders.meeting_by_id.load(cast(CommonActionRow, self).meeting_id)

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
    is_type_of = served_from(PlatformMeetingRow)
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
