"""Programmes mutations: each opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

import uuid

import strawberry

from programmes import planning, service
from programmes.models import Programme as ProgrammeRow
from programmes.schema.inputs import (
    AssessmentInput,
    ObjectiveChanges,
    ObjectiveInput,
    OccEvaluationInput,
    PartnerFlagsInput,
    PartnershipGoalInput,
    PlannedActivityInput,
    ProgrammeChanges,
    ProgrammeInput,
)
from programmes.schema.types import (
    ObjectivePayload,
    OccEvaluationPayload,
    Partner,
    PartnershipGoalPayload,
    PlannedActivityPayload,
    Programme,
    ProgrammeAssessmentPayload,
    ProgrammeContentRemovedPayload,
)
from shared.frameworks import Framework
from shared.graphql.changes import given
from shared.graphql.ids import parse_id

ID = strawberry.ID


def _optional_id(value: ID | None, field: str) -> uuid.UUID | None:
    return parse_id(value, field) if value is not None else None


async def _step(info: strawberry.Info, id: ID, verb: str, note: str | None,
                expected_version: int | None, supersedes: ID | None = None) -> Programme:
    async with info.context.unit_of_work() as uow:
        return await service.advance_programme(uow, parse_id(id), verb, note, expected_version,
                                               _optional_id(supersedes, "supersedes"))


async def _programme(info: strawberry.Info, programme_id: uuid.UUID) -> Programme:
    """The programme a child mutation changed, from the session that changed it (no second read)."""
    return await info.context.session.get(ProgrammeRow, programme_id)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Move a partner to another framework (staff)")
    async def change_partner_framework(self, info: strawberry.Info, iso: ID, framework: Framework,
                                       expected_version: int | None = None) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await service.change_framework(uow, str(iso), framework, expected_version)

    @strawberry.mutation(description="Change a partner's flags and tool participation (staff)")
    async def update_partner_flags(self, info: strawberry.Info, iso: ID, input: PartnerFlagsInput,
                                   expected_version: int | None = None) -> Partner:
        changes = given(input, nullable=frozenset({"ipap_since"}))
        async with info.context.unit_of_work() as uow:
            return await service.update_partner_flags(uow, str(iso), changes, expected_version)

    @strawberry.mutation(description="Suspend cooperation with a partner (staff)")
    async def suspend_partner(self, info: strawberry.Info, iso: ID, reason: str,
                              expected_version: int | None = None) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await service.suspend_partner(uow, str(iso), reason, expected_version)

    @strawberry.mutation(description="Lift a partner's suspension (staff)")
    async def reinstate_partner(self, info: strawberry.Info, iso: ID, expected_version: int | None = None) -> Partner:
        async with info.context.unit_of_work() as uow:
            return await service.reinstate_partner(uow, str(iso), expected_version)

    @strawberry.mutation(description="Start a new DRAFT programme (the next revision of its partner and type)")
    async def create_programme(self, info: strawberry.Info, input: ProgrammeInput) -> Programme:
        async with info.context.unit_of_work() as uow:
            return await service.create_programme(uow, input.details())

    @strawberry.mutation
    async def update_programme(self, info: strawberry.Info, id: ID, input: ProgrammeChanges,
                               expected_version: int | None = None) -> Programme:
        changes = given(input, nullable=frozenset({"summary"}))
        async with info.context.unit_of_work() as uow:
            return await service.update_programme(uow, parse_id(id), changes, expected_version)

    @strawberry.mutation(description="DRAFT -> SUBMITTED; refused while the partner is suspended")
    async def submit_programme(self, info: strawberry.Info, id: ID, note: str | None = None,
                               expected_version: int | None = None) -> Programme:
        return await _step(info, id, "submitted", note, expected_version)

    @strawberry.mutation(description="SUBMITTED -> IN_NEGOTIATION")
    async def start_programme_negotiation(self, info: strawberry.Info, id: ID, note: str | None = None,
                                          expected_version: int | None = None) -> Programme:
        return await _step(info, id, "negotiation_started", note, expected_version)

    @strawberry.mutation(description="IN_NEGOTIATION -> APPROVED (by the North Atlantic Council). Earlier approved "
                                     "editions of the partner's programme of this type whose period has ended become "
                                     "SUPERSEDED; one still in force is superseded only when named in `supersedes`, "
                                     "and the approval is refused (CONFLICT) while one is in force and not named")
    async def approve_programme(self, info: strawberry.Info, id: ID, note: str | None = None,
                                expected_version: int | None = None, supersedes: ID | None = None) -> Programme:
        return await _step(info, id, "approved", note, expected_version, supersedes)

    @strawberry.mutation(description="APPROVED -> IMPLEMENTING")
    async def start_programme_implementation(self, info: strawberry.Info, id: ID, note: str | None = None,
                                             expected_version: int | None = None) -> Programme:
        return await _step(info, id, "implementation_started", note, expected_version)

    @strawberry.mutation(description="IMPLEMENTING -> COMPLETED")
    async def complete_programme(self, info: strawberry.Info, id: ID, note: str | None = None,
                                 expected_version: int | None = None) -> Programme:
        return await _step(info, id, "completed", note, expected_version)

    @strawberry.mutation(description="Withdraw a programme before approval; the reason is kept")
    async def withdraw_programme(self, info: strawberry.Info, id: ID, reason: str,
                                 expected_version: int | None = None) -> Programme:
        return await _step(info, id, "withdrawn", reason, expected_version)

    @strawberry.mutation
    async def add_objective(self, info: strawberry.Info, programme_id: ID, input: ObjectiveInput,
                            expected_version: int | None = None) -> ObjectivePayload:
        async with info.context.unit_of_work() as uow:
            objective = await planning.add_objective(uow, parse_id(programme_id, "programmeId"), input.category,
                                                     input.title, input.description,
                                                     _optional_id(input.parent_id, "parentId"), expected_version)
        return ObjectivePayload(objective=objective, programme=await _programme(info, objective.programme_id))

    @strawberry.mutation(description="Rename or redescribe an objective")
    async def update_objective(self, info: strawberry.Info, id: ID, input: ObjectiveChanges,
                               expected_version: int | None = None) -> ObjectivePayload:
        changes = given(input, nullable=frozenset({"description"}))
        async with info.context.unit_of_work() as uow:
            objective = await planning.update_objective(uow, parse_id(id), changes, expected_version)
        return ObjectivePayload(objective=objective, programme=await _programme(info, objective.programme_id))

    @strawberry.mutation(description="Remove an objective with nothing under it")
    async def remove_objective(self, info: strawberry.Info, id: ID,
                               expected_version: int | None = None) -> ProgrammeContentRemovedPayload:
        async with info.context.unit_of_work() as uow:
            programme = await planning.remove_objective(uow, parse_id(id), expected_version)
        return ProgrammeContentRemovedPayload(removed_id=id, programme=programme)

    @strawberry.mutation(description="Choose a published menu activity open to the partner. programmes knows the "
                                     "menu from its events: an activity created or published a moment ago may not "
                                     "be known yet, and the error then says so with `extensions.retryable: true`")
    async def plan_activity(self, info: strawberry.Info, programme_id: ID, input: PlannedActivityInput,
                            expected_version: int | None = None) -> PlannedActivityPayload:
        async with info.context.unit_of_work() as uow:
            planned = await planning.plan_activity(
                uow, parse_id(programme_id, "programmeId"), parse_id(input.activity_id, "activityId"), input.year,
                input.priority, _optional_id(input.objective_id, "objectiveId"), expected_version,
                input.activity_version)
        return PlannedActivityPayload(planned_activity=planned, programme=await _programme(info, planned.programme_id))

    @strawberry.mutation(description="PLANNED -> CONFIRMED")
    async def confirm_planned_activity(self, info: strawberry.Info, id: ID,
                                       expected_version: int | None = None) -> PlannedActivityPayload:
        return await _planned_step(info, id, "planned_activity_confirmed", expected_version)

    @strawberry.mutation(description="CONFIRMED -> DONE")
    async def complete_planned_activity(self, info: strawberry.Info, id: ID,
                                        expected_version: int | None = None) -> PlannedActivityPayload:
        return await _planned_step(info, id, "planned_activity_done", expected_version)

    @strawberry.mutation
    async def remove_planned_activity(self, info: strawberry.Info, id: ID,
                                      expected_version: int | None = None) -> ProgrammeContentRemovedPayload:
        async with info.context.unit_of_work() as uow:
            programme = await planning.remove_planned_activity(uow, parse_id(id), expected_version)
        return ProgrammeContentRemovedPayload(removed_id=id, programme=programme)

    @strawberry.mutation(description="Add a partnership goal to a PARP programme")
    async def add_partnership_goal(self, info: strawberry.Info, programme_id: ID, input: PartnershipGoalInput,
                                   expected_version: int | None = None) -> PartnershipGoalPayload:
        async with info.context.unit_of_work() as uow:
            goal = await planning.add_partnership_goal(uow, parse_id(programme_id, "programmeId"), input.code,
                                                       input.text, input.due_date, expected_version)
        return PartnershipGoalPayload(goal=goal, programme=await _programme(info, goal.programme_id))

    @strawberry.mutation(description="Assess a partnership goal for one review cycle")
    async def assess_partnership_goal(self, info: strawberry.Info, goal_id: ID, input: AssessmentInput,
                                      expected_version: int | None = None) -> ProgrammeAssessmentPayload:
        async with info.context.unit_of_work() as uow:
            assessment, programme = await planning.assess_goal(uow, parse_id(goal_id, "goalId"), input.cycle,
                                                               input.rating, input.comment, expected_version)
        return ProgrammeAssessmentPayload(assessment=assessment, programme=programme)

    @strawberry.mutation(description="Record an OCC evaluation of a declared unit (not dated in the future)")
    async def record_occ_evaluation(self, info: strawberry.Info, programme_id: ID, input: OccEvaluationInput,
                                    expected_version: int | None = None) -> OccEvaluationPayload:
        async with info.context.unit_of_work() as uow:
            evaluation = await planning.record_occ_evaluation(
                uow, parse_id(programme_id, "programmeId"), input.unit, input.level, input.result,
                input.evaluated_on, input.remarks, expected_version)
        return OccEvaluationPayload(evaluation=evaluation, programme=await _programme(info, evaluation.programme_id))


async def _planned_step(info: strawberry.Info, id: ID, verb: str,
                        expected_version: int | None) -> PlannedActivityPayload:
    async with info.context.unit_of_work() as uow:
        planned = await planning.advance_planned_activity(uow, parse_id(id), verb, expected_version)
    return PlannedActivityPayload(planned_activity=planned, programme=await _programme(info, planned.programme_id))
