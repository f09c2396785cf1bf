"""The events of the Interoperability Platform: programmes.platform_meeting.v1 and programmes.common_action.v1,
each aggregate's full state and version at every change, and how the republish command tells them again.
(Membership travels on programmes.partner.v1, with the partner.)"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.platform.models import ActionAssignment, CommonAction, PlatformMeeting
from programmes.platform.repository import ActionRepository, MeetingRepository
from programmes.platform.rules import ActionStatus, AssignmentStatus, MeetingFormat, MeetingStatus
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

MEETING_TOPIC = "programmes.platform_meeting.v1"
ACTION_TOPIC = "programmes.common_action.v1"


# Every state: camelCase fields, read from the ORM row (the same base in each concern's events.py).
class MeetingState(EventState):
    """programmes.platform_meeting.* data: an Interoperability Platform meeting as it now is."""

    id: str
    title: str
    format: MeetingFormat
    held_on: date
    location: str
    attendees: list[str]
    summary: str | None
    status: MeetingStatus
    version: int
    updated_at: datetime


class AssignmentState(EventState):
    partner_iso: str
    status: AssignmentStatus
    completed_on: date | None
    note: str | None


class ActionState(EventState):
    """programmes.common_action.* data: a common action with each assignee's progress, as it now is."""

    id: str
    meeting_id: str
    title: str
    description: str
    due_on: date
    status: ActionStatus
    assignments: list[AssignmentState]
    version: int
    updated_at: datetime


# This concern's part of programmes' event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("programmes")
MEETING_EVENTS = CATALOGUE.topic(
    MEETING_TOPIC,
    "platform_meeting",
    MeetingState,
    ["scheduled", "held", "cancelled"],
    "Every change of an Interoperability Platform meeting",
)
ACTION_EVENTS = CATALOGUE.topic(
    ACTION_TOPIC,
    "common_action",
    ActionState,
    ["set", "progress_reported", "completed", "dropped"],
    "Every change of a common action a Platform meeting set, with each assignee's progress",
)


def meeting_event(verb: str, meeting: PlatformMeeting) -> DomainEvent:
    state = MeetingState.model_validate(
        {**{n: getattr(meeting, n) for n in MeetingState.model_fields}, "id": str(meeting.id)}
    )
    return MEETING_EVENTS.event(verb, state, meeting.id)


def action_event(verb: str, action: CommonAction, assignments: list[ActionAssignment]) -> DomainEvent:
    state = ActionState(
        id=str(action.id),
        meeting_id=str(action.meeting_id),
        title=action.title,
        description=action.description,
        due_on=action.due_on,
        status=action.status,
        assignments=[AssignmentState.model_validate(a) for a in sorted(assignments, key=lambda a: a.partner_iso)],
        version=action.version,
        updated_at=action.updated_at,
    )
    return ACTION_EVENTS.event(verb, state, action.id)


async def _meetings(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [meeting_event(SNAPSHOT, m) for m in await MeetingRepository(session).get_many(ids)]


async def _actions(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = ActionRepository(session)
    actions = await repository.get_many(ids)
    assignments = await repository.assignments_of(ids)
    return [action_event(SNAPSHOT, a, [x for x in assignments if x.action_id == a.id]) for a in actions]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (
    Snapshots(MEETING_TOPIC, PlatformMeeting.id, PlatformMeeting.updated_at, _meetings),
    Snapshots(ACTION_TOPIC, CommonAction.id, CommonAction.updated_at, _actions),
)
