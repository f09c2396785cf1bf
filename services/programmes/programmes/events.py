"""The events programmes publishes (partners and programmes, full state and version) and reads (menu's)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from programmes.operations.models import OperationalContribution
from programmes.operations.rules import ContributionKind, ContributionStatus, Operation
from programmes.partners.models import Partner
from programmes.platform.models import ActionAssignment, CommonAction, PlatformMeeting
from programmes.platform.rules import ActionStatus, AssignmentStatus, MeetingFormat, MeetingStatus
from programmes.programmes.models import (
    Programme,
)
from programmes.programmes.repository import ProgrammeContents
from programmes.programmes.rules import (
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
)
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.frameworks import Framework
from shared.priority import Priority
from shared.wps import WpsMarker

PARTNER_TOPIC = "programmes.partner.v1"
PROGRAMME_TOPIC = "programmes.programme.v1"
MEETING_TOPIC = "programmes.platform_meeting.v1"
ACTION_TOPIC = "programmes.common_action.v1"
CONTRIBUTION_TOPIC = "programmes.operational_contribution.v1"


class _State(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class PartnerState(_State):
    """programmes.partner.* data: the partner as it now is."""

    iso: str
    name: str
    framework: Framework
    suspended: bool
    suspension_reason: str | None = None
    enhanced_opportunities: bool
    interoperability_platform: bool = False
    platform_joined_on: date | None = None
    platform_left_on: date | None = None
    ipap_since: int | None
    dcb: bool
    deep: bool
    tools: list[ProgrammeType] = []
    version: int
    updated_at: datetime


class ObjectiveState(_State):
    id: str
    parent_id: str | None
    category: ObjectiveCategory
    title: str
    description: str | None
    wps_marker: WpsMarker = WpsMarker.NOT_TARGETED


class PlannedActivityState(_State):
    id: str
    activity_id: str
    objective_id: str | None
    year: int
    priority: Priority
    status: PlannedActivityStatus
    flag_reason: str | None
    occurrence_id: str | None = None  # the menu occurrence whose attendance made it DONE


class AssessmentState(_State):
    cycle: str
    rating: AssessmentRating
    comment: str | None


class GoalState(_State):
    id: str
    code: str
    text: str
    due_date: date | None
    assessments: list[AssessmentState]


class OccEvaluationState(_State):
    id: str
    unit: str
    level: OccLevel
    result: OccResult
    evaluated_on: date
    remarks: str | None


class ProgrammeState(_State):
    """programmes.programme.* data: the programme with everything in it, as it now is."""

    id: str
    partner_iso: str
    type: ProgrammeType
    title: str
    summary: str | None
    period_start: date
    period_end: date
    revision: int
    status: ProgrammeStatus
    objectives: list[ObjectiveState]
    planned_activities: list[PlannedActivityState]
    partnership_goals: list[GoalState]
    occ_evaluations: list[OccEvaluationState]
    version: int
    updated_at: datetime


class MeetingState(_State):
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


class AssignmentState(_State):
    partner_iso: str
    status: AssignmentStatus
    completed_on: date | None
    note: str | None


class ActionState(_State):
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


class ContributionState(_State):
    """programmes.operational_contribution.* data: a partner's contribution to an operation, as it now is."""

    id: str
    partner_iso: str
    operation: Operation
    kind: ContributionKind
    size: int
    description: str | None
    period_start: date
    period_end: date | None
    status: ContributionStatus
    version: int
    updated_at: datetime


CATALOGUE = EventCatalogue("programmes")
PARTNER_EVENTS = CATALOGUE.topic(
    PARTNER_TOPIC,
    "partner",
    PartnerState,
    ["registered", "updated", "suspended", "reinstated", "platform_joined", "platform_left"],
    "Every change of a partner: framework, flags, tools, suspension, Interoperability Platform membership",
)
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
PROGRAMME_EVENTS = CATALOGUE.topic(
    PROGRAMME_TOPIC,
    "programme",
    ProgrammeState,
    [
        "created",
        "updated",
        "submitted",
        "negotiation_started",
        "approved",
        "implementation_started",
        "completed",
        "withdrawn",
        "superseded",
        "objective_added",
        "objective_updated",
        "objective_removed",
        "activity_planned",
        "planned_activity_confirmed",
        "planned_activity_done",
        "planned_activity_removed",
        "activity_flagged",
        "goal_added",
        "goal_assessed",
        "occ_evaluated",
    ],
    "Every change of a partner programme, its objectives, planned activities, PARP goals and OCC evaluations",
)


def partner_event(verb: str, partner: Partner) -> DomainEvent:
    return PARTNER_EVENTS.event(verb, PartnerState.model_validate(partner), partner.iso)


CONTRIBUTION_EVENTS = CATALOGUE.topic(
    CONTRIBUTION_TOPIC,
    "operational_contribution",
    ContributionState,
    ["offered", "accepted", "declined", "deployed", "ended", "withdrawn"],
    "Every change of a partner's contribution to a NATO-led operation",
)


def contribution_event(verb: str, contribution: OperationalContribution) -> DomainEvent:
    state = ContributionState.model_validate(
        {
            **{n: getattr(contribution, n) for n in ContributionState.model_fields if n != "id"},
            "id": str(contribution.id),
        }
    )
    return CONTRIBUTION_EVENTS.event(verb, state, contribution.id)


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


def programme_event(verb: str, programme: Programme, contents: ProgrammeContents) -> DomainEvent:
    by_goal: dict[object, list[AssessmentState]] = {}
    for assessment in sorted(contents.assessments, key=lambda a: a.cycle):
        by_goal.setdefault(assessment.goal_id, []).append(AssessmentState.model_validate(assessment))
    state = ProgrammeState(
        id=str(programme.id),
        partner_iso=programme.partner_iso,
        type=programme.type,
        title=programme.title,
        summary=programme.summary,
        period_start=programme.period_start,
        period_end=programme.period_end,
        revision=programme.revision,
        status=programme.status,
        objectives=[
            ObjectiveState(
                id=str(o.id),
                parent_id=str(o.parent_id) if o.parent_id else None,
                category=o.category,
                title=o.title,
                description=o.description,
                wps_marker=o.wps_marker,
            )
            for o in contents.objectives
        ],
        planned_activities=[
            PlannedActivityState(
                id=str(p.id),
                activity_id=str(p.activity_id),
                objective_id=str(p.objective_id) if p.objective_id else None,
                year=p.year,
                priority=p.priority,
                status=p.status,
                flag_reason=p.flag_reason,
                occurrence_id=str(p.occurrence_id) if p.occurrence_id else None,
            )
            for p in contents.planned_activities
        ],
        partnership_goals=[
            GoalState(id=str(g.id), code=g.code, text=g.text, due_date=g.due_date, assessments=by_goal.get(g.id, []))
            for g in contents.goals
        ],
        occ_evaluations=[
            OccEvaluationState(
                id=str(e.id),
                unit=e.unit,
                level=e.level,
                result=e.result,
                evaluated_on=e.evaluated_on,
                remarks=e.remarks,
            )
            for e in contents.occ_evaluations
        ],
        version=programme.version,
        updated_at=programme.updated_at,
    )
    return PROGRAMME_EVENTS.event(verb, state, programme.id)
