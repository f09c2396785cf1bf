"""The events of programmes: programmes.programme.v1, a programme with everything in it and its version at every
change, and how the republish command tells them again."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.programmes.models import Programme
from programmes.programmes.repository import ProgrammeContents, ProgrammeRepository
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
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState
from shared.priority import Priority
from shared.wps import WpsMarker

PROGRAMME_TOPIC = "programmes.programme.v1"


# Every state: camelCase fields, read from the ORM row (the same base in each concern's events.py).
class ObjectiveState(EventState):
    id: str
    parent_id: str | None
    category: ObjectiveCategory
    title: str
    description: str | None
    wps_marker: WpsMarker = WpsMarker.NOT_TARGETED


class PlannedActivityState(EventState):
    id: str
    activity_id: str
    objective_id: str | None
    year: int
    priority: Priority
    status: PlannedActivityStatus
    flag_reason: str | None
    occurrence_id: str | None = None  # the menu occurrence whose attendance made it DONE


class AssessmentState(EventState):
    cycle: str
    rating: AssessmentRating
    comment: str | None


class GoalState(EventState):
    id: str
    code: str
    text: str
    due_date: date | None
    assessments: list[AssessmentState]


class OccEvaluationState(EventState):
    id: str
    unit: str
    level: OccLevel
    result: OccResult
    evaluated_on: date
    remarks: str | None


class ProgrammeState(EventState):
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


# This concern's part of programmes' event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("programmes")
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


async def _snapshots(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = ProgrammeRepository(session)
    return [programme_event(SNAPSHOT, p, await repository.contents(p)) for p in await repository.get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(PROGRAMME_TOPIC, Programme.id, Programme.updated_at, _snapshots),)
