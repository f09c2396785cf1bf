"""Capacity mutations: each opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

import strawberry

from capacity import packages, service
from capacity.schema.inputs import (
    CapacityRequestChanges,
    ContributionInput,
    MeasureInput,
    ProgressReportInput,
    RequestAssessmentInput,
    SubmitCapacityRequestInput,
)
from capacity.schema.types import CapacityRequest, Contribution, Measure, Package, ProgressReport, RequestAssessment
from shared.graphql.ids import parse_id

ID = strawberry.ID


async def _step(info: strawberry.Info, id: ID, verb: str, reason: str | None,
                expected_version: int | None) -> CapacityRequest:
    async with info.context.unit_of_work() as uow:
        return await service.advance_request(uow, parse_id(id), verb, reason, expected_version)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="A partner asks for support; refused for unknown or suspended partners")
    async def submit_capacity_request(self, info: strawberry.Info,
                                      input: SubmitCapacityRequestInput) -> CapacityRequest:
        async with info.context.unit_of_work() as uow:
            return await service.submit_request(uow, input.submission())

    @strawberry.mutation(description="Change a request while it is SUBMITTED or UNDER_ASSESSMENT")
    async def update_capacity_request(self, info: strawberry.Info, id: ID, input: CapacityRequestChanges,
                                      expected_version: int | None = None) -> CapacityRequest:
        async with info.context.unit_of_work() as uow:
            return await service.update_request(uow, parse_id(id), input.changes(), expected_version)

    @strawberry.mutation(description="SUBMITTED -> UNDER_ASSESSMENT")
    async def start_request_assessment(self, info: strawberry.Info, id: ID, note: str | None = None,
                                       expected_version: int | None = None) -> CapacityRequest:
        return await _step(info, id, "assessment_started", note, expected_version)

    @strawberry.mutation(description="Record findings and a recommendation during assessment")
    async def record_request_assessment(self, info: strawberry.Info, request_id: ID, input: RequestAssessmentInput,
                                        expected_version: int | None = None) -> RequestAssessment:
        async with info.context.unit_of_work() as uow:
            return await service.record_assessment(uow, parse_id(request_id, "requestId"), input.findings,
                                                   input.recommendation, expected_version)

    @strawberry.mutation(description="UNDER_ASSESSMENT -> PACKAGE_PROPOSED, with the package to fill with measures")
    async def propose_package(self, info: strawberry.Info, request_id: ID, summary: str,
                              expected_version: int | None = None) -> Package:
        async with info.context.unit_of_work() as uow:
            return await packages.propose_package(uow, parse_id(request_id, "requestId"), summary, expected_version)

    @strawberry.mutation(description="Add a measure to a proposed package; linked activities must be on the menu")
    async def add_measure(self, info: strawberry.Info, request_id: ID, input: MeasureInput,
                          expected_version: int | None = None) -> Measure:
        async with info.context.unit_of_work() as uow:
            return await packages.add_measure(
                uow, parse_id(request_id, "requestId"), input.area, input.title, input.lead_nation,
                input.contributing_nations, [parse_id(a, "activityIds") for a in input.activity_ids],
                expected_version)

    @strawberry.mutation(description="Link one more menu activity to a measure")
    async def link_activity_to_measure(self, info: strawberry.Info, measure_id: ID, activity_id: ID,
                                       expected_version: int | None = None) -> Measure:
        async with info.context.unit_of_work() as uow:
            return await packages.link_activity(uow, parse_id(measure_id, "measureId"),
                                                parse_id(activity_id, "activityId"), expected_version)

    @strawberry.mutation(description="A nation's advisers, trainers, funds or in-kind support to a measure")
    async def add_contribution(self, info: strawberry.Info, measure_id: ID, input: ContributionInput,
                               expected_version: int | None = None) -> Contribution:
        async with info.context.unit_of_work() as uow:
            return await packages.add_contribution(uow, parse_id(measure_id, "measureId"), input.details(),
                                                   expected_version)

    @strawberry.mutation(description="PACKAGE_PROPOSED -> APPROVED by the North Atlantic Council; review in two years")
    async def approve_capacity_request(self, info: strawberry.Info, id: ID, note: str | None = None,
                                       expected_version: int | None = None) -> CapacityRequest:
        return await _step(info, id, "approved", note, expected_version)

    @strawberry.mutation(description="APPROVED -> IMPLEMENTING")
    async def start_request_implementation(self, info: strawberry.Info, id: ID, note: str | None = None,
                                           expected_version: int | None = None) -> CapacityRequest:
        return await _step(info, id, "implementation_started", note, expected_version)

    @strawberry.mutation(description="IMPLEMENTING -> COMPLETED")
    async def complete_capacity_request(self, info: strawberry.Info, id: ID, note: str | None = None,
                                        expected_version: int | None = None) -> CapacityRequest:
        return await _step(info, id, "completed", note, expected_version)

    @strawberry.mutation(description="Decline during assessment or once a package is proposed; the reason is kept")
    async def decline_capacity_request(self, info: strawberry.Info, id: ID, reason: str,
                                       expected_version: int | None = None) -> CapacityRequest:
        return await _step(info, id, "declined", reason, expected_version)

    @strawberry.mutation(description="The partner withdraws its request before approval")
    async def withdraw_capacity_request(self, info: strawberry.Info, id: ID, reason: str,
                                        expected_version: int | None = None) -> CapacityRequest:
        return await _step(info, id, "withdrawn", reason, expected_version)

    @strawberry.mutation(description="Report progress on an agreed package for a period")
    async def report_package_progress(self, info: strawberry.Info, request_id: ID, input: ProgressReportInput,
                                      expected_version: int | None = None) -> ProgressReport:
        async with info.context.unit_of_work() as uow:
            return await packages.report_progress(uow, parse_id(request_id, "requestId"), input.period,
                                                  input.status, input.narrative, expected_version)
