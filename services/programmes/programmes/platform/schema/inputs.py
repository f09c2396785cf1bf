"""The Interoperability Platform's GraphQL inputs and arguments, and their translation into domain values."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from programmes.platform.repository import ActionCriteria, MeetingCriteria
from programmes.platform.rules import ActionDetails, MeetingDetails
from programmes.platform.schema.types import ActionStatus, MeetingFormat, MeetingStatus
from shared.graphql.ids import parse_id

MeetingId = Annotated[strawberry.ID, strawberry.argument(description="The meeting's id")]
ActionId = Annotated[strawberry.ID, strawberry.argument(description="The common action's id")]


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
