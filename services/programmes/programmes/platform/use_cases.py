"""Interoperability Platform use cases: membership, meetings, common actions and their progress. They never
commit.

Membership is part of the partner (its flag and dates travel on programmes.partner.v1); a meeting and a common
action (with its assignments) are aggregates of their own.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date

from programmes.partners.access import sees_partner
from programmes.partners.events import partner_event
from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
from programmes.platform.access import REPORT_ACTIONS, RUN_PLATFORM
from programmes.platform.events import action_event, meeting_event
from programmes.platform.models import (
    ActionAssignment,
    ActionTransition,
    CommonAction,
    MeetingTransition,
    PlatformMeeting,
)
from programmes.platform.repository import ActionRepository, MeetingRepository
from programmes.platform.rules import (
    ActionDetails,
    ActionStatus,
    AssignmentStatus,
    MeetingDetails,
    MeetingStatus,
    action_done,
    check_action,
    check_meeting,
    check_members,
    check_membership_date,
)
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotFound

COMPLETED_BY = "programmes (the last assignee's completion)"


async def join_platform(
    uow: UnitOfWork, iso: str, joined_on: date, expected_version: int | None = None, today: date | None = None
) -> Partner:
    RUN_PLATFORM.require(uow.caller)
    joined_on = check_membership_date(joined_on, today or date.today(), "joinedOn")
    partner = await PartnerRepository(uow.session).for_change(iso.strip().upper(), expected_version)
    if partner.interoperability_platform:
        raise Conflict(f"{partner.iso} is already a member of the Interoperability Platform", field="iso")
    if partner.suspended:
        raise Conflict(f"cooperation with {partner.iso} is suspended", field="iso")
    if partner.platform_left_on is not None and joined_on < partner.platform_left_on:
        raise BadUserInput("joinedOn is before the partner last left the Platform", field="joinedOn")
    partner.interoperability_platform = True
    partner.platform_joined_on, partner.platform_left_on = joined_on, None
    partner.bump()
    uow.publish(partner_event("platform_joined", partner))
    return partner


async def leave_platform(
    uow: UnitOfWork, iso: str, left_on: date, expected_version: int | None = None, today: date | None = None
) -> Partner:
    RUN_PLATFORM.require(uow.caller)
    left_on = check_membership_date(left_on, today or date.today(), "leftOn")
    partner = await PartnerRepository(uow.session).for_change(iso.strip().upper(), expected_version)
    if not partner.interoperability_platform:
        raise Conflict(f"{partner.iso} is not a member of the Interoperability Platform", field="iso")
    if partner.platform_joined_on is not None and left_on < partner.platform_joined_on:
        raise BadUserInput("leftOn is before the partner joined", field="leftOn")
    partner.interoperability_platform, partner.platform_left_on = False, left_on
    partner.bump()
    uow.publish(partner_event("platform_left", partner))
    return partner


async def schedule_meeting(uow: UnitOfWork, details: MeetingDetails) -> PlatformMeeting:
    RUN_PLATFORM.require(uow.caller)
    details = check_meeting(details)
    meetings = MeetingRepository(uow.session)
    check_members(details.attendees, await meetings.members(details.attendees))
    meeting = PlatformMeeting(status=MeetingStatus.PLANNED, summary=None, **asdict(details))
    meetings.add(meeting)
    await uow.flush()  # no relationship orders the inserts: the meeting first, for its transitions' key
    meetings.add(
        MeetingTransition(meeting_id=meeting.id, from_status=None, to_status=MeetingStatus.PLANNED, actor=uow.actor)
    )
    uow.publish(meeting_event("scheduled", meeting))
    return meeting


async def record_meeting_held(
    uow: UnitOfWork, meeting_id: uuid.UUID, summary: str, expected_version: int | None = None, today: date | None = None
) -> PlatformMeeting:
    RUN_PLATFORM.require(uow.caller)
    summary = text_field(summary, "summary", max_length=10_000) or ""
    meeting = await MeetingRepository(uow.session).for_change(meeting_id, expected_version)
    if meeting.held_on > (today or date.today()):
        raise Conflict("a meeting is recorded as held on or after its date", field="id")
    previous = meeting.move_to(MeetingStatus.HELD)
    meeting.summary = summary
    MeetingRepository(uow.session).add(
        MeetingTransition(meeting_id=meeting.id, from_status=previous, to_status=MeetingStatus.HELD, actor=uow.actor)
    )
    uow.publish(meeting_event("held", meeting))
    return meeting


async def cancel_meeting(
    uow: UnitOfWork, meeting_id: uuid.UUID, reason: str, expected_version: int | None = None
) -> PlatformMeeting:
    RUN_PLATFORM.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000) or ""
    meeting = await MeetingRepository(uow.session).for_change(meeting_id, expected_version)
    previous = meeting.move_to(MeetingStatus.CANCELLED)
    MeetingRepository(uow.session).add(
        MeetingTransition(
            meeting_id=meeting.id, from_status=previous, to_status=MeetingStatus.CANCELLED, actor=uow.actor, note=reason
        )
    )
    uow.publish(meeting_event("cancelled", meeting))
    return meeting


async def set_action(uow: UnitOfWork, meeting_id: uuid.UUID, details: ActionDetails) -> CommonAction:
    """A held meeting sets a common action for member partners: OPEN, each assignee ASSIGNED."""
    RUN_PLATFORM.require(uow.caller)
    meetings = MeetingRepository(uow.session)
    meeting = await meetings.get(meeting_id)
    if meeting is None:
        raise BadUserInput(f"there is no PlatformMeeting {meeting_id}", field="meetingId")
    if meeting.status is not MeetingStatus.HELD:
        raise Conflict("common actions are set by a meeting that was held", currentStatus=meeting.status.value)
    details = check_action(details, meeting.held_on)
    check_members(details.assignees, await meetings.members(details.assignees))
    action = CommonAction(meeting_id=meeting.id, status=ActionStatus.OPEN, **asdict(details))
    assignments = [
        ActionAssignment(action_id=action.id, partner_iso=iso, status=AssignmentStatus.ASSIGNED)
        for iso in details.assignees
    ]
    actions = ActionRepository(uow.session)
    actions.add(action)
    await uow.flush()  # no relationship orders the inserts: the action first, for its children's key
    for assignment in assignments:
        actions.add(assignment)
    actions.add(
        ActionTransition(action_id=action.id, from_status=None, to_status=ActionStatus.OPEN.value, actor=uow.actor)
    )
    uow.publish(action_event("set", action, assignments))
    return action


async def report_progress(
    uow: UnitOfWork,
    action_id: uuid.UUID,
    partner_iso: str | None,
    status: AssignmentStatus,
    note: str | None,
    expected_version: int | None = None,
    today: date | None = None,
) -> CommonAction:
    """An assignee (or staff for it) reports IN_PROGRESS or COMPLETED; the last completion completes the action."""
    REPORT_ACTIONS.require(uow.caller)
    iso = (uow.caller.partner_only or (partner_iso or "")).strip().upper()
    if not iso:
        raise BadUserInput("name the assignee whose progress this is", field="partnerIso")
    if partner_iso and not sees_partner(uow.caller, partner_iso.strip().upper()):
        raise BadUserInput(f"a partner reports its own progress ({uow.caller.partner_only}) only", field="partnerIso")
    note = text_field(note, "note", max_length=2000, required=False)
    actions = ActionRepository(uow.session)
    action = await actions.for_change(
        action_id, missing=NotFound("CommonAction", action_id) if uow.caller.partner_only else None
    )
    assignment = await actions.assignment_for_change(action.id, iso)
    if assignment is None:
        if uow.caller.partner_only:  # an action not assigned to the caller does not exist for it
            raise NotFound("CommonAction", action_id)
        raise BadUserInput(f"the action is not assigned to {iso}", field="partnerIso")
    action.check_version(expected_version)
    if action.status is not ActionStatus.OPEN:
        raise Conflict(f"the action is {action.status.value}", currentStatus=action.status.value)
    previous = assignment.move_to(status)
    assignment.note = note
    if status is AssignmentStatus.COMPLETED:
        assignment.completed_on = today or date.today()
    actions.add(
        ActionTransition(
            action_id=action.id,
            partner_iso=iso,
            from_status=previous.value,
            to_status=status.value,
            actor=uow.actor,
            note=note,
        )
    )
    await uow.flush()
    everyone = list(await actions.assignments_of([action.id]))
    verb = "progress_reported"
    if action_done([a.status for a in everyone]):
        action.move_to(ActionStatus.COMPLETED)
        # Every assignee reads this step: it names the service, not the assignee that completed last.
        actions.add(
            ActionTransition(
                action_id=action.id,
                from_status=ActionStatus.OPEN.value,
                to_status=ActionStatus.COMPLETED.value,
                actor=COMPLETED_BY,
                note="every assignee completed it",
            )
        )
        verb = "completed"
    action.bump()
    uow.publish(action_event(verb, action, everyone))
    return action


async def drop_action(
    uow: UnitOfWork, action_id: uuid.UUID, reason: str, expected_version: int | None = None
) -> CommonAction:
    RUN_PLATFORM.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000) or ""
    actions = ActionRepository(uow.session)
    action = await actions.for_change(action_id, expected_version)
    previous = action.move_to(ActionStatus.DROPPED)
    action.bump()
    actions.add(
        ActionTransition(
            action_id=action.id,
            from_status=previous.value,
            to_status=ActionStatus.DROPPED.value,
            actor=uow.actor,
            note=reason,
        )
    )
    uow.publish(action_event("dropped", action, list(await actions.assignments_of([action.id]))))
    return action
