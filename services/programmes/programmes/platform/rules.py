"""The Partnership Interoperability Initiative's Interoperability Platform: who belongs to it and since when, its
meetings, and the common actions they set for member partners, tracked to completion. Pure: no I/O.

A meeting is PLANNED, then HELD (with a summary) or CANCELLED. A held meeting sets common actions, each assigned
to member partners; each assignee reports its progress (IN_PROGRESS, COMPLETED); the action is COMPLETED when
every assignee has completed it, or DROPPED by staff with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict
from shared.lifecycle import Lifecycle

# The Platform was set up at the Wales Summit in September 2014.
PLATFORM_BEGAN = date(2014, 9, 5)
MAX_ASSIGNEES = 40


class MeetingFormat(str, Enum):
    PLENARY = "PLENARY"
    THEMATIC = "THEMATIC"
    MINISTERIAL = "MINISTERIAL"


class MeetingStatus(str, Enum):
    PLANNED = "PLANNED"
    HELD = "HELD"
    CANCELLED = "CANCELLED"


MEETING_LIFECYCLE = Lifecycle(
    "PlatformMeeting",
    {
        MeetingStatus.PLANNED: {MeetingStatus.HELD, MeetingStatus.CANCELLED},
    },
)


class ActionStatus(str, Enum):
    OPEN = "OPEN"
    COMPLETED = "COMPLETED"
    DROPPED = "DROPPED"


ACTION_LIFECYCLE = Lifecycle("CommonAction", {ActionStatus.OPEN: {ActionStatus.COMPLETED, ActionStatus.DROPPED}})


class AssignmentStatus(str, Enum):
    ASSIGNED = "ASSIGNED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


ASSIGNMENT_LIFECYCLE = Lifecycle(
    "ActionAssignment",
    {
        AssignmentStatus.ASSIGNED: {AssignmentStatus.IN_PROGRESS, AssignmentStatus.COMPLETED},
        AssignmentStatus.IN_PROGRESS: {AssignmentStatus.COMPLETED},
    },
)


@dataclass
class MeetingDetails:
    title: str
    format: MeetingFormat
    held_on: date
    location: str
    attendees: list[str] = field(default_factory=list)


@dataclass
class ActionDetails:
    title: str
    description: str
    due_on: date
    assignees: list[str] = field(default_factory=list)


def check_membership_date(on: date, today: date, field_name: str) -> date:
    if on < PLATFORM_BEGAN:
        raise BadUserInput(f"the Interoperability Platform began on {PLATFORM_BEGAN.isoformat()}", field=field_name)
    if on > today:
        raise BadUserInput(f"{field_name} is in the future", field=field_name)
    return on


def check_meeting(details: MeetingDetails) -> MeetingDetails:
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.location = text_field(details.location, "location", max_length=200) or ""
    if details.held_on < PLATFORM_BEGAN:
        raise BadUserInput("the Interoperability Platform met first in 2014", field="heldOn")
    details.attendees = list(dict.fromkeys(iso.strip().upper() for iso in details.attendees))
    return details


def check_action(details: ActionDetails, meeting_held_on: date) -> ActionDetails:
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.description = text_field(details.description, "description", max_length=5000) or ""
    if details.due_on <= meeting_held_on:
        raise BadUserInput("dueOn is after the meeting that sets the action", field="dueOn")
    details.assignees = list(dict.fromkeys(iso.strip().upper() for iso in details.assignees))
    if not 1 <= len(details.assignees) <= MAX_ASSIGNEES:
        raise BadUserInput(f"assign the action to 1 to {MAX_ASSIGNEES} member partners", field="assignees")
    return details


def check_members(assignees: list[str], members: set[str]) -> None:
    outside = [iso for iso in assignees if iso not in members]
    if outside:
        raise Conflict(f"not members of the Interoperability Platform: {', '.join(outside)}", field="assignees")


def action_done(assignments: list[AssignmentStatus]) -> bool:
    """An action is done when each of its assignees has completed it."""
    return bool(assignments) and all(a is AssignmentStatus.COMPLETED for a in assignments)
