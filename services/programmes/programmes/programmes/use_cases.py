"""Programmes use cases: the programme lifecycle and what a programme holds (objectives, planned menu
activities, PARP goals and assessments, OCC evaluations), and how menu's events move the plans: a withdrawal on
the menu flags the plans that chose the activity, attendance makes them done. They never commit.

A programme is one aggregate: any change to it or to what it holds bumps its version
and publishes its whole new state on programmes.programme.v1.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import asdict
from datetime import date
from typing import Any

from programmes.partners.access import sees_partner
from programmes.partners.repository import PartnerRepository
from programmes.programmes.access import DECIDE_PROGRAMMES, PARTNER_STEPS, PREPARE_PROGRAMMES
from programmes.programmes.events import programme_event
from programmes.programmes.models import (
    Assessment,
    Objective,
    OccEvaluation,
    PartnershipGoal,
    PlannedActivity,
    PlannedActivityTransition,
    Programme,
    ProgrammeTransition,
)
from programmes.programmes.repository import ActivityReadModel, ProgrammeRepository, attendance
from programmes.programmes.rules import (
    EDITABLE_PROGRAMME,
    PLANNABLE_PROGRAMME,
    PROGRAMME_LIFECYCLE,
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeDetails,
    ProgrammeStatus,
    ProgrammeType,
    check_cycle,
    check_goal_code,
    check_may_submit,
    check_not_in_future,
    check_objective_category,
    check_one_in_preparation,
    check_plannable,
    check_programme,
    check_programme_type,
    check_takes_part,
    check_year,
    superseded_on_approval,
)
from shared.auth import Rule
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, Forbidden, NotFound
from shared.events.envelope import CloudEvent
from shared.priority import Priority
from shared.readmodel import Standing
from shared.wps import WpsMarker


async def create_programme(uow: UnitOfWork, details: ProgrammeDetails) -> Programme:
    PREPARE_PROGRAMMES.require(uow.caller)
    details = check_programme(details)
    if not sees_partner(uow.caller, details.partner_iso):
        raise Forbidden(f"a partner prepares its own programmes only, not {details.partner_iso}'s")
    partner = await PartnerRepository(uow.session).get(details.partner_iso)
    if partner is None:
        raise BadUserInput(f"there is no partner {details.partner_iso!r}", field="partnerIso")
    check_takes_part(details.type, partner.tools, partner.iso)
    programmes = ProgrammeRepository(uow.session)
    current = await programmes.in_preparation(partner.iso, details.type)
    check_one_in_preparation(
        details.type, partner.iso, (current.revision, current.status.value) if current is not None else None
    )
    programme = Programme(
        **asdict(details),
        status=ProgrammeStatus.DRAFT,
        revision=await programmes.next_revision(details.partner_iso, details.type),
    )
    programmes.add(programme)
    programmes.add(
        ProgrammeTransition(
            programme_id=programme.id,
            from_status=None,
            to_status=ProgrammeStatus.DRAFT,
            actor=uow.actor,
            note=f"revision {programme.revision}",
        )
    )
    await publish_programme(uow, programme, "created")
    return programme


async def update_programme(
    uow: UnitOfWork, programme_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None
) -> Programme:
    programme = await load_programme(uow, programme_id, expected_version, rule=PREPARE_PROGRAMMES)
    if programme.status not in EDITABLE_PROGRAMME:
        raise Conflict(
            f"an {programme.status.value.lower()} programme cannot change", currentStatus=programme.status.value
        )
    current = {name: getattr(programme, name) for name in ProgrammeDetails.__dataclass_fields__}
    details = check_programme(ProgrammeDetails(**{**current, **changes}))
    for name in changes:
        setattr(programme, name, getattr(details, name))
    programme.bump()
    await publish_programme(uow, programme, "updated")
    return programme


# verb of the event -> target status
STEPS = {
    "submitted": ProgrammeStatus.SUBMITTED,
    "negotiation_started": ProgrammeStatus.IN_NEGOTIATION,
    "approved": ProgrammeStatus.APPROVED,
    "implementation_started": ProgrammeStatus.IMPLEMENTING,
    "completed": ProgrammeStatus.COMPLETED,
    "withdrawn": ProgrammeStatus.WITHDRAWN,
}


async def advance_programme(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    verb: str,
    note: str | None = None,
    expected_version: int | None = None,
    supersedes: uuid.UUID | None = None,
    today: date | None = None,
) -> Programme:
    """One lifecycle step, kept in the history with who, when and why."""
    rule = PREPARE_PROGRAMMES if verb in PARTNER_STEPS else DECIDE_PROGRAMMES
    rule.require(uow.caller)
    # A withdrawal's note is its reason, and the mutation calls it so.
    note = text_field(note, "reason" if verb == "withdrawn" else "note", max_length=2000, required=verb == "withdrawn")
    programme = await load_programme(uow, programme_id, expected_version, rule=rule)
    target = STEPS[verb]
    PROGRAMME_LIFECYCLE.transition(programme.status, target)  # a step not allowed is told before anything else
    if supersedes is not None and target is not ProgrammeStatus.APPROVED:
        raise BadUserInput("only an approval supersedes", field="supersedes")
    if target is ProgrammeStatus.SUBMITTED:
        partner = await PartnerRepository(uow.session).get(programme.partner_iso)
        check_may_submit(bool(partner and partner.suspended), programme.partner_iso)
    earlier = (
        await ProgrammeRepository(uow.session).approved_earlier(programme) if target is ProgrammeStatus.APPROVED else []
    )
    superseded = superseded_on_approval(
        [(str(e.id), e.period_end) for e in earlier], str(supersedes) if supersedes else None, today or date.today()
    )
    await _transition(uow, programme, target, note)
    await publish_programme(uow, programme, verb)
    for edition in earlier:
        if str(edition.id) in superseded:
            await _transition(uow, edition, ProgrammeStatus.SUPERSEDED, f"superseded by revision {programme.revision}")
            await publish_programme(uow, edition, "superseded")
    return programme


async def _transition(uow: UnitOfWork, programme: Programme, target: ProgrammeStatus, note: str | None) -> None:
    previous = programme.move_to(target)
    ProgrammeRepository(uow.session).add(
        ProgrammeTransition(
            programme_id=programme.id, from_status=previous, to_status=target, actor=uow.actor, note=note
        )
    )


async def load_programme(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    expected_version: int | None = None,
    field: str | None = None,
    rule: Rule = DECIDE_PROGRAMMES,
    missing: Exception | None = None,
) -> Programme:
    """The programme, locked for a change the caller may make under `rule` (deciding, unless told)."""
    return await ProgrammeRepository(uow.session, uow.caller).for_change_under(
        rule, programme_id, expected_version, field, missing
    )


async def publish_programme(uow: UnitOfWork, programme: Programme, verb: str) -> None:
    await uow.session.flush()
    contents = await ProgrammeRepository(uow.session).contents(programme)
    uow.publish(programme_event(verb, programme, contents))


async def _living(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    expected_version: int | None,
    rule: Rule = PREPARE_PROGRAMMES,
    child: tuple[str, uuid.UUID] | None = None,
) -> Programme:
    """The programme to change, still alive; reached through a child (`child`), a programme the caller may not
    see makes the child not found."""
    programme = await load_programme(
        uow, programme_id, expected_version, field="programmeId", rule=rule, missing=NotFound(*child) if child else None
    )
    if programme.status not in PLANNABLE_PROGRAMME:
        raise Conflict(
            f"a {programme.status.value.lower()} programme cannot change", currentStatus=programme.status.value
        )
    return programme


async def _changed(uow: UnitOfWork, programme: Programme, verb: str) -> Programme:
    programme.bump()
    await publish_programme(uow, programme, verb)
    return programme


async def add_objective(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    category: ObjectiveCategory,
    title: str,
    description: str | None = None,
    parent_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    wps_marker: WpsMarker = WpsMarker.NOT_TARGETED,
) -> Objective:
    programme = await _living(uow, programme_id, expected_version)
    title = text_field(title, "title", max_length=300) or ""
    description = text_field(description, "description", max_length=5000, required=False)
    parent = None
    if parent_id is not None:
        parent = await ProgrammeRepository(uow.session).child(Objective, parent_id)
        if parent is None or parent.programme_id != programme.id:
            raise BadUserInput("parentId is not an objective of this programme", field="parentId")
    check_objective_category(programme.type, category, parent.category if parent else None)
    objective = Objective(
        programme_id=programme.id,
        parent_id=parent_id,
        category=category,
        title=title,
        description=description,
        wps_marker=wps_marker,
    )
    ProgrammeRepository(uow.session).add(objective)
    await _changed(uow, programme, "objective_added")
    return objective


async def update_objective(
    uow: UnitOfWork, objective_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None = None
) -> Objective:
    """Rename, redescribe or re-mark an objective; its place (category, parent) stays."""
    PREPARE_PROGRAMMES.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    objective = await ProgrammeRepository(uow.session).child(Objective, objective_id)
    if objective is None:
        raise NotFound("Objective", objective_id)
    programme = await _living(uow, objective.programme_id, expected_version, child=("Objective", objective_id))
    if "title" in changes:
        objective.title = text_field(changes["title"], "title", max_length=300) or ""
    if "description" in changes:
        objective.description = text_field(changes["description"], "description", max_length=5000, required=False)
    if "wps_marker" in changes:
        objective.wps_marker = changes["wps_marker"]
    objective.bump()
    await _changed(uow, programme, "objective_updated")
    return objective


async def remove_objective(uow: UnitOfWork, objective_id: uuid.UUID, expected_version: int | None = None) -> Programme:
    PREPARE_PROGRAMMES.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    objective = await ProgrammeRepository(uow.session).child(Objective, objective_id)
    if objective is None:
        raise NotFound("Objective", objective_id)
    programme = await _living(uow, objective.programme_id, expected_version, child=("Objective", objective_id))
    contents = await ProgrammeRepository(uow.session).contents(programme)
    if any(o.parent_id == objective.id for o in contents.objectives) or any(
        p.objective_id == objective.id for p in contents.planned_activities
    ):
        raise Conflict("the objective still has goals or planned activities under it")
    await ProgrammeRepository(uow.session).delete(objective)
    return await _changed(uow, programme, "objective_removed")


async def plan_activity(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    activity_id: uuid.UUID,
    year: int,
    priority: Priority = Priority.MEDIUM,
    objective_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    activity_version: int | None = None,
) -> PlannedActivity:
    programme = await _living(uow, programme_id, expected_version)
    partner = await PartnerRepository(uow.session).get(programme.partner_iso)
    assert partner is not None  # a programme's partner is a foreign key
    facts = await ActivityReadModel(uow.session).facts(activity_id)
    check_plannable(facts, str(activity_id), partner.framework.value, partner.iso, activity_version)
    check_year(year, programme.period_start, programme.period_end)
    programmes = ProgrammeRepository(uow.session)
    if objective_id is not None and not await programmes.has_objective(programme.id, objective_id):
        raise BadUserInput("objectiveId is not an objective of this programme", field="objectiveId")
    if await programmes.plans(programme.id, activity_id, year):
        raise Conflict(
            f"the programme already plans {facts.pcm_ref if facts else activity_id} in {year}", field="activityId"
        )
    planned = PlannedActivity(
        programme_id=programme.id,
        activity_id=activity_id,
        objective_id=objective_id,
        year=year,
        priority=priority,
        status=PlannedActivityStatus.PLANNED,
    )
    programmes.add(planned)
    _record(uow, planned, None, None)
    await _changed(uow, programme, "activity_planned")
    # Planned for a year in which the partner's people attended it already: done as it is planned.
    await programmes.lock_plans_of(programme.partner_iso, activity_id)
    attended = await attendance(uow.session).occurrence_attended(programme.partner_iso, activity_id, year)
    if attended is not None:
        _done_by_attendance(uow, planned, attended)
        await _changed(uow, programme, "planned_activity_done")
    return planned


_PLAN_STEPS = {
    "planned_activity_confirmed": PlannedActivityStatus.CONFIRMED,
    "planned_activity_done": PlannedActivityStatus.DONE,
}


async def advance_planned_activity(
    uow: UnitOfWork, planned_id: uuid.UUID, verb: str, expected_version: int | None = None
) -> PlannedActivity:
    DECIDE_PROGRAMMES.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    planned = await _planned(uow, planned_id)
    programme = await _living(
        uow, planned.programme_id, expected_version, DECIDE_PROGRAMMES, child=("PlannedActivity", planned_id)
    )
    _move_planned(uow, planned, _PLAN_STEPS[verb], None)
    await _changed(uow, programme, verb)
    return planned


async def remove_planned_activity(
    uow: UnitOfWork, planned_id: uuid.UUID, expected_version: int | None = None
) -> Programme:
    PREPARE_PROGRAMMES.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    planned = await _planned(uow, planned_id)
    programme = await _living(uow, planned.programme_id, expected_version, child=("PlannedActivity", planned_id))
    if planned.status is PlannedActivityStatus.DONE:
        raise Conflict("a planned activity that was done stays in the record", currentStatus="DONE")
    await ProgrammeRepository(uow.session).delete(planned)
    return await _changed(uow, programme, "planned_activity_removed")


async def _planned(uow: UnitOfWork, planned_id: uuid.UUID) -> PlannedActivity:
    planned = await ProgrammeRepository(uow.session).child(PlannedActivity, planned_id)
    if planned is None:
        raise NotFound("PlannedActivity", planned_id)
    return planned


async def add_partnership_goal(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    code: str,
    text: str,
    due_date: date | None = None,
    expected_version: int | None = None,
) -> PartnershipGoal:
    programme = await _living(uow, programme_id, expected_version, DECIDE_PROGRAMMES)
    check_programme_type(programme.type, ProgrammeType.PARP, "partnership goals")
    code = check_goal_code(code)
    text = text_field(text, "text", max_length=5000) or ""
    if due_date is not None and not programme.period_start <= due_date <= programme.period_end:
        raise BadUserInput("dueDate falls outside the programme's period", field="dueDate")
    contents = await ProgrammeRepository(uow.session).contents(programme)
    if any(g.code == code for g in contents.goals):
        raise Conflict(f"the programme already has a goal {code}", field="code")
    goal = PartnershipGoal(programme_id=programme.id, code=code, text=text, due_date=due_date)
    ProgrammeRepository(uow.session).add(goal)
    await _changed(uow, programme, "goal_added")
    return goal


async def assess_goal(
    uow: UnitOfWork,
    goal_id: uuid.UUID,
    cycle: str,
    rating: AssessmentRating,
    comment: str | None = None,
    expected_version: int | None = None,
) -> tuple[Assessment, Programme]:
    DECIDE_PROGRAMMES.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    goal = await ProgrammeRepository(uow.session).child(PartnershipGoal, goal_id)
    if goal is None:
        raise NotFound("PartnershipGoal", goal_id)
    programme = await _living(
        uow, goal.programme_id, expected_version, DECIDE_PROGRAMMES, child=("PartnershipGoal", goal_id)
    )
    cycle = check_cycle(cycle)
    comment = text_field(comment, "comment", max_length=5000, required=False)
    if any(a.cycle == cycle for a in await ProgrammeRepository(uow.session).assessments_of([goal.id])):
        raise Conflict(f"goal {goal.code} is already assessed for the {cycle} cycle", field="cycle")
    assessment = Assessment(goal_id=goal.id, cycle=cycle, rating=rating, comment=comment)
    ProgrammeRepository(uow.session).add(assessment)
    await _changed(uow, programme, "goal_assessed")
    return assessment, programme


async def record_occ_evaluation(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    unit: str,
    level: OccLevel,
    result: OccResult,
    evaluated_on: date,
    remarks: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> OccEvaluation:
    programme = await _living(uow, programme_id, expected_version, DECIDE_PROGRAMMES)
    check_programme_type(programme.type, ProgrammeType.OCC, "OCC evaluations")
    check_not_in_future(evaluated_on, today or date.today(), "evaluatedOn")
    unit = text_field(unit, "unit", max_length=300) or ""
    remarks = text_field(remarks, "remarks", max_length=5000, required=False)
    evaluation = OccEvaluation(
        programme_id=programme.id, unit=unit, level=level, result=result, evaluated_on=evaluated_on, remarks=remarks
    )
    ProgrammeRepository(uow.session).add(evaluation)
    await _changed(uow, programme, "occ_evaluated")
    return evaluation


async def on_activity_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """menu.activity.*: keep programmes' copy of the activity; a withdrawal flags the plans that chose it."""
    applied = await ActivityReadModel(uow.session).apply(event.data, Standing.of(event))
    # The state, not the verb: after a lost event, a snapshot may be how the copy learns of the withdrawal.
    if not applied or event.data.get("status") != "WITHDRAWN":
        return
    reason = f"withdrawn from the menu: {event.data.get('withdrawalReason') or 'no reason given'}"
    by_programme: dict[uuid.UUID, list[PlannedActivity]] = defaultdict(list)
    for planned in await ProgrammeRepository(uow.session).open_plans_of_activity(uuid.UUID(event.data["id"])):
        _move_planned(uow, planned, PlannedActivityStatus.FLAGGED, reason)
        planned.flag_reason = reason
        by_programme[planned.programme_id].append(planned)
    for programme_id in by_programme:
        programme = await load_programme(uow, programme_id)
        await _changed(uow, programme, "activity_flagged")


async def on_nomination_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """menu.nomination.*: a partner's participants attended an occurrence, so the partner's lines for that
    activity and year are done (a PLANNED one is confirmed and done in one step), naming the occurrence."""
    attended = await attendance(uow.session).apply(event.data)
    if attended is None:
        return
    await ProgrammeRepository(uow.session).lock_plans_of(attended.partner_iso, attended.activity_id)
    by_programme: dict[uuid.UUID, list[PlannedActivity]] = defaultdict(list)
    plans = ProgrammeRepository(uow.session).open_plans_of_partner(
        attended.partner_iso, attended.activity_id, attended.start_date.year
    )
    for planned in await plans:
        _done_by_attendance(uow, planned, attended.occurrence_id)
        by_programme[planned.programme_id].append(planned)
    for programme_id in by_programme:
        await _changed(uow, await load_programme(uow, programme_id), "planned_activity_done")


def _done_by_attendance(uow: UnitOfWork, planned: PlannedActivity, occurrence_id: uuid.UUID) -> None:
    note = f"participants attended occurrence {occurrence_id}"
    if planned.status is PlannedActivityStatus.PLANNED:
        _move_planned(uow, planned, PlannedActivityStatus.CONFIRMED, note)
    _move_planned(uow, planned, PlannedActivityStatus.DONE, note)
    planned.occurrence_id = occurrence_id


def _move_planned(uow: UnitOfWork, planned: PlannedActivity, target: PlannedActivityStatus, note: str | None) -> None:
    previous = planned.move_to(target)
    _record(uow, planned, previous, note)


def _record(
    uow: UnitOfWork, planned: PlannedActivity, previous: PlannedActivityStatus | None, note: str | None
) -> None:
    ProgrammeRepository(uow.session).add(
        PlannedActivityTransition(
            planned_activity_id=planned.id, from_status=previous, to_status=planned.status, note=note, actor=uow.actor
        )
    )
