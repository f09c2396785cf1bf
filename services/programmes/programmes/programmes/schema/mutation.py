"""Changing programmes: each mutation opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from programmes.programmes import use_cases
from programmes.programmes.repository import ProgrammeRepository
from programmes.programmes.schema.inputs import (
    AssessmentInput,
    ObjectiveChanges,
    ObjectiveInput,
    OccEvaluationInput,
    PartnershipGoalInput,
    PlannedActivityInput,
    ProgrammeChanges,
    ProgrammeInput,
)
from programmes.programmes.schema.types import Assessment, Objective, OccEvaluation, PartnershipGoal
from programmes.types import PlannedActivity, Programme
from shared.graphql.arguments import ExpectedVersion, Note, Reason
from shared.graphql.changes import given
from shared.graphql.descriptions import described
from shared.graphql.ids import parse_id

PAYLOAD = {
    "programme": "The programme, at its new version",
    "objective": "The objective",
    "planned_activity": "The planned activity",
    "goal": "The partnership goal",
    "assessment": "The assessment",
    "evaluation": "The OCC evaluation",
    "removed_id": "The id of what was removed",
}


@described(PAYLOAD)
@strawberry.type(description="An objective and the programme it changed (at its new version)")
class ObjectivePayload:
    objective: Objective
    programme: Programme


@described(PAYLOAD)
@strawberry.type(description="A planned activity and the programme it changed (at its new version)")
class PlannedActivityPayload:
    planned_activity: PlannedActivity
    programme: Programme


@described(PAYLOAD)
@strawberry.type(description="A PARP partnership goal and the programme it changed (at its new version)")
class PartnershipGoalPayload:
    goal: PartnershipGoal
    programme: Programme


@described(PAYLOAD)
@strawberry.type(description="An assessment of a PARP goal and the programme it changed (at its new version)")
class ProgrammeAssessmentPayload:
    assessment: Assessment
    programme: Programme


@described(PAYLOAD)
@strawberry.type(description="An OCC evaluation and the programme it changed (at its new version)")
class OccEvaluationPayload:
    evaluation: OccEvaluation
    programme: Programme


@described(PAYLOAD)
@strawberry.type(description="What was removed from a programme, and the programme at its new version")
class ProgrammeContentRemovedPayload:
    removed_id: strawberry.ID
    programme: Programme


ID = strawberry.ID


def _optional_id(value: ID | None, field: str) -> uuid.UUID | None:
    return parse_id(value, field) if value is not None else None


async def _step(
    info: strawberry.Info,
    id: ID,
    verb: str,
    note: str | None,
    expected_version: int | None,
    supersedes: ID | None = None,
) -> Programme:
    async with info.context.unit_of_work() as uow:
        return await use_cases.advance_programme(
            uow, parse_id(id), verb, note, expected_version, _optional_id(supersedes, "supersedes")
        )


async def _programme(info: strawberry.Info, programme_id: uuid.UUID) -> Programme:
    """The programme a child mutation changed, from the session that changed it (no second read)."""
    return await ProgrammeRepository(info.context.session).as_changed(programme_id)


ProgrammeId = Annotated[ID, strawberry.argument(description="The programme's id")]
ProgrammeOf = Annotated[ID, strawberry.argument(description="The programme's id")]
ObjectiveId = Annotated[ID, strawberry.argument(description="The objective's id")]
PlannedActivityId = Annotated[ID, strawberry.argument(description="The planned activity's id")]
GoalId = Annotated[ID, strawberry.argument(description="The partnership goal's id")]
Supersedes = Annotated[
    ID | None,
    strawberry.argument(
        description="The id of the earlier APPROVED or IMPLEMENTING edition of the partner's programme of this type, "
        "still in force, that this approval replaces; omit it when none is in force"
    ),
]
ProgrammeVersion = Annotated[
    int | None,
    strawberry.argument(
        description="The programme's version you last read (Programme.version, not the version of what is in it): the "
        "change is refused with CONFLICT if the programme has moved on since. Omitted, the change applies "
        "to whatever version is current."
    ),
]
InProgrammeInput = Annotated[ProgrammeInput, strawberry.argument(description="The programme")]
InProgrammeChanges = Annotated[ProgrammeChanges, strawberry.argument(description="What changes")]
InObjectiveInput = Annotated[ObjectiveInput, strawberry.argument(description="The objective")]
InObjectiveChanges = Annotated[ObjectiveChanges, strawberry.argument(description="What changes")]
InPlannedActivityInput = Annotated[PlannedActivityInput, strawberry.argument(description="The activity and year")]
InPartnershipGoalInput = Annotated[PartnershipGoalInput, strawberry.argument(description="The goal")]
InAssessmentInput = Annotated[AssessmentInput, strawberry.argument(description="The cycle and rating")]
InOccEvaluationInput = Annotated[OccEvaluationInput, strawberry.argument(description="The evaluation")]
WHO_DECIDES = " Staff only."
WHO_PREPARES = " The partner for its own programmes, or staff."
CLOSED = " Refused (CONFLICT) once the programme is COMPLETED, WITHDRAWN or SUPERSEDED."


@strawberry.type(description="Changing programmes")
class ProgrammesMutation:
    @strawberry.mutation(
        description="Start a new DRAFT programme, the next revision of its partner and type. An "
        "IPAP, PARP, OCC or DEEP needs that tool among the partner's tools; except for "
        "OTHER, a partner prepares one edition of a tool at a time (CONFLICT while "
        "another is DRAFT, SUBMITTED or IN_NEGOTIATION)." + WHO_PREPARES
    )
    async def create_programme(self, info: strawberry.Info, input: InProgrammeInput) -> Programme:
        async with info.context.unit_of_work() as uow:
            return await use_cases.create_programme(uow, input.details())

    @strawberry.mutation(
        description="Change a programme's details while it is DRAFT, SUBMITTED or IN_NEGOTIATION." + WHO_PREPARES
    )
    async def update_programme(
        self,
        info: strawberry.Info,
        id: ProgrammeId,
        input: InProgrammeChanges,
        expected_version: ExpectedVersion = None,
    ) -> Programme:
        changes = given(input, nullable=frozenset({"summary"}))
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_programme(uow, parse_id(id), changes, expected_version)

    @strawberry.mutation(
        description="DRAFT -> SUBMITTED; refused (CONFLICT) while the partner is suspended." + WHO_PREPARES
    )
    async def submit_programme(
        self, info: strawberry.Info, id: ProgrammeId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> Programme:
        return await _step(info, id, "submitted", note, expected_version)

    @strawberry.mutation(description="SUBMITTED -> IN_NEGOTIATION." + WHO_DECIDES)
    async def start_programme_negotiation(
        self, info: strawberry.Info, id: ProgrammeId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> Programme:
        return await _step(info, id, "negotiation_started", note, expected_version)

    @strawberry.mutation(
        description="IN_NEGOTIATION -> APPROVED (by the North Atlantic Council). Earlier APPROVED "
        "or IMPLEMENTING editions of the partner's programme of this type whose period "
        "has ended become SUPERSEDED; one still in force is superseded only when named "
        "in `supersedes`, and the approval is refused (CONFLICT) while one is in force "
        "and not named." + WHO_DECIDES
    )
    async def approve_programme(
        self,
        info: strawberry.Info,
        id: ProgrammeId,
        note: Note = None,
        expected_version: ExpectedVersion = None,
        supersedes: Supersedes = None,
    ) -> Programme:
        return await _step(info, id, "approved", note, expected_version, supersedes)

    @strawberry.mutation(description="APPROVED -> IMPLEMENTING." + WHO_DECIDES)
    async def start_programme_implementation(
        self, info: strawberry.Info, id: ProgrammeId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> Programme:
        return await _step(info, id, "implementation_started", note, expected_version)

    @strawberry.mutation(description="IMPLEMENTING -> COMPLETED." + WHO_DECIDES)
    async def complete_programme(
        self, info: strawberry.Info, id: ProgrammeId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> Programme:
        return await _step(info, id, "completed", note, expected_version)

    @strawberry.mutation(
        description="DRAFT, SUBMITTED or IN_NEGOTIATION -> WITHDRAWN; the reason is kept." + WHO_PREPARES
    )
    async def withdraw_programme(
        self, info: strawberry.Info, id: ProgrammeId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Programme:
        return await _step(info, id, "withdrawn", reason, expected_version)

    @strawberry.mutation(
        description="Add an objective to a programme. In an IPAP it takes one of the six "
        "chapters; in an ITPP it is a strategic objective at the top or a partnership "
        "goal under one." + CLOSED + WHO_PREPARES
    )
    async def add_objective(
        self,
        info: strawberry.Info,
        programme_id: ProgrammeOf,
        input: InObjectiveInput,
        expected_version: ProgrammeVersion = None,
    ) -> ObjectivePayload:
        async with info.context.unit_of_work() as uow:
            objective = await use_cases.add_objective(
                uow,
                parse_id(programme_id, "programmeId"),
                input.category,
                input.title,
                input.description,
                _optional_id(input.parent_id, "parentId"),
                expected_version,
                input.wps_marker,
            )
        return ObjectivePayload(objective=objective, programme=await _programme(info, objective.programme_id))

    @strawberry.mutation(
        description="Rename or redescribe an objective; its category and parent stay." + CLOSED + WHO_PREPARES
    )
    async def update_objective(
        self,
        info: strawberry.Info,
        id: ObjectiveId,
        input: InObjectiveChanges,
        expected_version: ProgrammeVersion = None,
    ) -> ObjectivePayload:
        changes = given(input, nullable=frozenset({"description"}))
        async with info.context.unit_of_work() as uow:
            objective = await use_cases.update_objective(uow, parse_id(id), changes, expected_version)
        return ObjectivePayload(objective=objective, programme=await _programme(info, objective.programme_id))

    @strawberry.mutation(
        description="Remove an objective with no objective or planned activity under it (CONFLICT "
        "otherwise)." + CLOSED + WHO_PREPARES
    )
    async def remove_objective(
        self, info: strawberry.Info, id: ObjectiveId, expected_version: ProgrammeVersion = None
    ) -> ProgrammeContentRemovedPayload:
        async with info.context.unit_of_work() as uow:
            programme = await use_cases.remove_objective(uow, parse_id(id), expected_version)
        return ProgrammeContentRemovedPayload(removed_id=id, programme=programme)

    @strawberry.mutation(
        description="Choose a published menu activity open to the partner, for a year within the "
        "programme's period, once per activity and year. programmes knows the "
        "menu from its events: an activity created or published a moment ago may not "
        "be known yet, and the error then says so with `extensions.retryable: true`. "
        "Planned for a year in which the partner's participants attended it already, "
        "it is DONE at once." + CLOSED + WHO_PREPARES
    )
    async def plan_activity(
        self,
        info: strawberry.Info,
        programme_id: ProgrammeOf,
        input: InPlannedActivityInput,
        expected_version: ProgrammeVersion = None,
    ) -> PlannedActivityPayload:
        async with info.context.unit_of_work() as uow:
            planned = await use_cases.plan_activity(
                uow,
                parse_id(programme_id, "programmeId"),
                parse_id(input.activity_id, "activityId"),
                input.year,
                input.priority,
                _optional_id(input.objective_id, "objectiveId"),
                expected_version,
                input.activity_version,
            )
        return PlannedActivityPayload(planned_activity=planned, programme=await _programme(info, planned.programme_id))

    @strawberry.mutation(description="PLANNED -> CONFIRMED." + CLOSED + WHO_DECIDES)
    async def confirm_planned_activity(
        self, info: strawberry.Info, id: PlannedActivityId, expected_version: ProgrammeVersion = None
    ) -> PlannedActivityPayload:
        return await _planned_step(info, id, "planned_activity_confirmed", expected_version)

    @strawberry.mutation(
        description="CONFIRMED -> DONE, by hand (attendance at the menu does it by itself)." + CLOSED + WHO_DECIDES
    )
    async def complete_planned_activity(
        self, info: strawberry.Info, id: PlannedActivityId, expected_version: ProgrammeVersion = None
    ) -> PlannedActivityPayload:
        return await _planned_step(info, id, "planned_activity_done", expected_version)

    @strawberry.mutation(
        description="Remove a planned activity that is not DONE (CONFLICT if it is)." + CLOSED + WHO_PREPARES
    )
    async def remove_planned_activity(
        self, info: strawberry.Info, id: PlannedActivityId, expected_version: ProgrammeVersion = None
    ) -> ProgrammeContentRemovedPayload:
        async with info.context.unit_of_work() as uow:
            programme = await use_cases.remove_planned_activity(uow, parse_id(id), expected_version)
        return ProgrammeContentRemovedPayload(removed_id=id, programme=programme)

    @strawberry.mutation(
        description="Add a partnership goal to a PARP programme; its code is unique within the "
        "programme (CONFLICT otherwise)." + CLOSED + WHO_DECIDES
    )
    async def add_partnership_goal(
        self,
        info: strawberry.Info,
        programme_id: ProgrammeOf,
        input: InPartnershipGoalInput,
        expected_version: ProgrammeVersion = None,
    ) -> PartnershipGoalPayload:
        async with info.context.unit_of_work() as uow:
            goal = await use_cases.add_partnership_goal(
                uow, parse_id(programme_id, "programmeId"), input.code, input.text, input.due_date, expected_version
            )
        return PartnershipGoalPayload(goal=goal, programme=await _programme(info, goal.programme_id))

    @strawberry.mutation(
        description="Assess a partnership goal for one review cycle, once per cycle (CONFLICT "
        "otherwise)." + CLOSED + WHO_DECIDES
    )
    async def assess_partnership_goal(
        self,
        info: strawberry.Info,
        goal_id: GoalId,
        input: InAssessmentInput,
        expected_version: ProgrammeVersion = None,
    ) -> ProgrammeAssessmentPayload:
        async with info.context.unit_of_work() as uow:
            assessment, programme = await use_cases.assess_goal(
                uow, parse_id(goal_id, "goalId"), input.cycle, input.rating, input.comment, expected_version
            )
        return ProgrammeAssessmentPayload(assessment=assessment, programme=programme)

    @strawberry.mutation(
        description="Record an OCC evaluation of a declared unit in an OCC programme (not dated "
        "in the future)." + CLOSED + WHO_DECIDES
    )
    async def record_occ_evaluation(
        self,
        info: strawberry.Info,
        programme_id: ProgrammeOf,
        input: InOccEvaluationInput,
        expected_version: ProgrammeVersion = None,
    ) -> OccEvaluationPayload:
        async with info.context.unit_of_work() as uow:
            evaluation = await use_cases.record_occ_evaluation(
                uow,
                parse_id(programme_id, "programmeId"),
                input.unit,
                input.level,
                input.result,
                input.evaluated_on,
                input.remarks,
                expected_version,
            )
        return OccEvaluationPayload(evaluation=evaluation, programme=await _programme(info, evaluation.programme_id))


async def _planned_step(
    info: strawberry.Info, id: ID, verb: str, expected_version: int | None
) -> PlannedActivityPayload:
    async with info.context.unit_of_work() as uow:
        planned = await use_cases.advance_planned_activity(uow, parse_id(id), verb, expected_version)
    return PlannedActivityPayload(planned_activity=planned, programme=await _programme(info, planned.programme_id))
