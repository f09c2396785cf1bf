"""Changing requests for support and their packages: each mutation opens a unit of work, calls one use case and
returns what changed."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from capacity.requests import models, use_cases
from capacity.requests.repository import RequestRepository
from capacity.requests.schema.inputs import (
    CapacityRequestChanges,
    ContributionChanges,
    ContributionInput,
    MeasureChanges,
    MeasureInput,
    ProgressReportInput,
    RequestAssessmentInput,
    SubmitCapacityRequestInput,
)
from capacity.requests.schema.types import Contribution, Measure, Package, ProgressReport, RequestAssessment
from capacity.types import CapacityRequest
from shared.graphql.arguments import ExpectedVersion, Note, Reason
from shared.graphql.descriptions import described
from shared.graphql.ids import parse_id

PAYLOAD_FIELDS = {
    "request": "The request, at its new version",
    "assessment": "The assessment",
    "package": "The package",
    "measure": "The measure",
    "contribution": "The contribution",
    "report": "The progress report",
    "removed_id": "The id of what was removed",
}


@described(PAYLOAD_FIELDS)
@strawberry.type(description="An assessment and the request it changed (at its new version)")
class RequestAssessmentPayload:
    assessment: RequestAssessment
    request: CapacityRequest


@described(PAYLOAD_FIELDS)
@strawberry.type(description="A proposed package and the request it changed (at its new version)")
class PackagePayload:
    package: Package
    request: CapacityRequest


@described(PAYLOAD_FIELDS)
@strawberry.type(description="A measure and the request it changed (at its new version)")
class MeasurePayload:
    measure: Measure
    request: CapacityRequest


@described(PAYLOAD_FIELDS)
@strawberry.type(description="A contribution and the request it changed (at its new version)")
class ContributionPayload:
    contribution: Contribution
    request: CapacityRequest


@described(PAYLOAD_FIELDS)
@strawberry.type(description="A progress report and the request it changed (at its new version)")
class ProgressReportPayload:
    report: ProgressReport
    request: CapacityRequest


@described(PAYLOAD_FIELDS)
@strawberry.type(description="What was removed from a request's package, and the request at its new version")
class RequestContentRemovedPayload:
    removed_id: strawberry.ID
    request: CapacityRequest


ID = strawberry.ID


async def _step(
    info: strawberry.Info, id: ID, verb: str, reason: str | None, expected_version: int | None
) -> CapacityRequest:
    async with info.context.unit_of_work() as uow:
        return await use_cases.advance_request(uow, parse_id(id), verb, reason, expected_version)


RequestId = Annotated[ID, strawberry.argument(description="The request's id")]
MeasureId = Annotated[ID, strawberry.argument(description="The measure's id")]
ContributionId = Annotated[ID, strawberry.argument(description="The contribution's id")]
LinkedActivityId = Annotated[
    ID, strawberry.argument(description="The menu activity's id; it must be published on the menu")
]
PackageSummary = Annotated[str, strawberry.argument(description="What the package of support amounts to")]
InSubmitCapacityRequestInput = Annotated[SubmitCapacityRequestInput, strawberry.argument(description="The request")]
InCapacityRequestChanges = Annotated[CapacityRequestChanges, strawberry.argument(description="What changes")]
InRequestAssessmentInput = Annotated[
    RequestAssessmentInput, strawberry.argument(description="The findings and recommendation")
]
InMeasureInput = Annotated[MeasureInput, strawberry.argument(description="The measure")]
InMeasureChanges = Annotated[MeasureChanges, strawberry.argument(description="What changes")]
InContributionInput = Annotated[ContributionInput, strawberry.argument(description="The contribution")]
InContributionChanges = Annotated[ContributionChanges, strawberry.argument(description="What changes")]
InProgressReportInput = Annotated[ProgressReportInput, strawberry.argument(description="The report")]
WHO_ASSESSES = " Staff only."
WHO_SUBMITS = " The partner for its own requests, or staff."
WHO_CONTRIBUTES = " Staff, or an Ally as its own nation."
NOT_ON_HOLD = " Refused while the request is on hold."
PROPOSED_OR_AGREED = ", while the package is proposed or agreed (PACKAGE_PROPOSED, APPROVED or IMPLEMENTING)"


@strawberry.type(description="Changing requests for support and their packages")
class RequestsMutation:
    @strawberry.mutation(
        description="A partner asks for support: a new request, SUBMITTED. Refused for a partner "
        "capacity does not know (BAD_USER_INPUT) or whose cooperation is suspended "
        "(CONFLICT)." + WHO_SUBMITS
    )
    async def submit_capacity_request(
        self, info: strawberry.Info, input: InSubmitCapacityRequestInput
    ) -> CapacityRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.submit_request(uow, input.submission())

    @strawberry.mutation(
        description="Change what a request asks for while it is SUBMITTED or UNDER_ASSESSMENT." + WHO_SUBMITS
    )
    async def update_capacity_request(
        self,
        info: strawberry.Info,
        id: RequestId,
        input: InCapacityRequestChanges,
        expected_version: ExpectedVersion = None,
    ) -> CapacityRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_request(uow, parse_id(id), input.changes(), expected_version)

    @strawberry.mutation(
        description="Start assessing a request: SUBMITTED -> UNDER_ASSESSMENT." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def start_request_assessment(
        self, info: strawberry.Info, id: RequestId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> CapacityRequest:
        return await _step(info, id, "assessment_started", note, expected_version)

    @strawberry.mutation(
        description="Record findings and a recommendation while the request is UNDER_ASSESSMENT "
        "(one or more); the status does not change." + WHO_ASSESSES
    )
    async def record_request_assessment(
        self,
        info: strawberry.Info,
        request_id: RequestId,
        input: InRequestAssessmentInput,
        expected_version: ExpectedVersion = None,
    ) -> RequestAssessmentPayload:
        async with info.context.unit_of_work() as uow:
            assessment = await use_cases.record_assessment(
                uow, parse_id(request_id, "requestId"), input.findings, input.recommendation, expected_version
            )
        return RequestAssessmentPayload(assessment=assessment, request=await _request(info, assessment.request_id))

    @strawberry.mutation(
        description="Propose a package of support: UNDER_ASSESSMENT -> PACKAGE_PROPOSED, with the "
        "package, still empty, to fill with measures." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def propose_package(
        self,
        info: strawberry.Info,
        request_id: RequestId,
        summary: PackageSummary,
        expected_version: ExpectedVersion = None,
    ) -> PackagePayload:
        async with info.context.unit_of_work() as uow:
            package = await use_cases.propose_package(uow, parse_id(request_id, "requestId"), summary, expected_version)
        return PackagePayload(package=package, request=await _request(info, package.request_id))

    @strawberry.mutation(
        description="Add a measure to a proposed package; linked activities must be published on "
        "the menu (an activity published a moment ago may not be known yet: the error "
        "then carries `extensions.retryable: true`)." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def add_measure(
        self,
        info: strawberry.Info,
        request_id: RequestId,
        input: InMeasureInput,
        expected_version: ExpectedVersion = None,
    ) -> MeasurePayload:
        async with info.context.unit_of_work() as uow:
            measure = await use_cases.add_measure(
                uow,
                parse_id(request_id, "requestId"),
                input.area,
                input.title,
                input.lead_nation,
                input.contributing_nations,
                [parse_id(a, "activityIds") for a in input.activity_ids],
                expected_version,
            )
        return await _measure_payload(info, measure)

    @strawberry.mutation(
        description="Change a measure while its package is proposed; once agreed, only its "
        "linked activities." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def update_measure(
        self, info: strawberry.Info, id: MeasureId, input: InMeasureChanges, expected_version: ExpectedVersion = None
    ) -> MeasurePayload:
        changes = input.changes()
        async with info.context.unit_of_work() as uow:
            measure = await use_cases.update_measure(uow, parse_id(id), changes, expected_version)
        return await _measure_payload(info, measure)

    @strawberry.mutation(
        description="Remove a measure, with its contributions, from a package still "
        "proposed." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def remove_measure(
        self, info: strawberry.Info, id: MeasureId, expected_version: ExpectedVersion = None
    ) -> RequestContentRemovedPayload:
        async with info.context.unit_of_work() as uow:
            request = await use_cases.remove_measure(uow, parse_id(id), expected_version)
        return RequestContentRemovedPayload(removed_id=id, request=request)

    @strawberry.mutation(
        description="Link one more published menu activity to a measure"
        + PROPOSED_OR_AGREED
        + "; one it already links is a CONFLICT."
        + NOT_ON_HOLD
        + WHO_ASSESSES
    )
    async def link_activity_to_measure(
        self,
        info: strawberry.Info,
        measure_id: MeasureId,
        activity_id: LinkedActivityId,
        expected_version: ExpectedVersion = None,
    ) -> MeasurePayload:
        async with info.context.unit_of_work() as uow:
            measure = await use_cases.link_activity(
                uow, parse_id(measure_id, "measureId"), parse_id(activity_id, "activityId"), expected_version
            )
        return await _measure_payload(info, measure)

    @strawberry.mutation(
        description="Add a nation's advisers, trainers, funds or in-kind support to a measure"
        + PROPOSED_OR_AGREED
        + "; a nation other than the lead joins its "
        "contributingNations." + NOT_ON_HOLD + WHO_CONTRIBUTES
    )
    async def add_contribution(
        self,
        info: strawberry.Info,
        measure_id: MeasureId,
        input: InContributionInput,
        expected_version: ExpectedVersion = None,
    ) -> ContributionPayload:
        async with info.context.unit_of_work() as uow:
            contribution = await use_cases.add_contribution(
                uow, parse_id(measure_id, "measureId"), input.details(), expected_version
            )
        return await _contribution_payload(info, contribution)

    @strawberry.mutation(
        description="A nation revises its contribution (kind, number, amount or description)"
        + PROPOSED_OR_AGREED
        + "."
        + NOT_ON_HOLD
        + WHO_CONTRIBUTES
    )
    async def update_contribution(
        self,
        info: strawberry.Info,
        id: ContributionId,
        input: InContributionChanges,
        expected_version: ExpectedVersion = None,
    ) -> ContributionPayload:
        changes = input.changes()
        async with info.context.unit_of_work() as uow:
            contribution = await use_cases.update_contribution(uow, parse_id(id), changes, expected_version)
        return await _contribution_payload(info, contribution)

    @strawberry.mutation(
        description="Withdraw a contribution from a measure" + PROPOSED_OR_AGREED + "." + NOT_ON_HOLD + WHO_CONTRIBUTES
    )
    async def remove_contribution(
        self, info: strawberry.Info, id: ContributionId, expected_version: ExpectedVersion = None
    ) -> RequestContentRemovedPayload:
        async with info.context.unit_of_work() as uow:
            request = await use_cases.remove_contribution(uow, parse_id(id), expected_version)
        return RequestContentRemovedPayload(removed_id=id, request=request)

    @strawberry.mutation(
        description="Record the North Atlantic Council's approval: PACKAGE_PROPOSED -> APPROVED. "
        "The package needs at least one measure (CONFLICT otherwise); it gets today "
        "as approvedOn and a reviewDate two years on." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def approve_capacity_request(
        self, info: strawberry.Info, id: RequestId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> CapacityRequest:
        return await _step(info, id, "approved", note, expected_version)

    @strawberry.mutation(
        description="Start carrying out the agreed package: APPROVED -> IMPLEMENTING." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def start_request_implementation(
        self, info: strawberry.Info, id: RequestId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> CapacityRequest:
        return await _step(info, id, "implementation_started", note, expected_version)

    @strawberry.mutation(
        description="The support was delivered: IMPLEMENTING -> COMPLETED." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def complete_capacity_request(
        self, info: strawberry.Info, id: RequestId, note: Note = None, expected_version: ExpectedVersion = None
    ) -> CapacityRequest:
        return await _step(info, id, "completed", note, expected_version)

    @strawberry.mutation(
        description="Decline a request: UNDER_ASSESSMENT or PACKAGE_PROPOSED -> DECLINED, also "
        "while on hold; the reason is kept." + WHO_ASSESSES
    )
    async def decline_capacity_request(
        self, info: strawberry.Info, id: RequestId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> CapacityRequest:
        return await _step(info, id, "declined", reason, expected_version)

    @strawberry.mutation(
        description="Withdraw a request before approval: SUBMITTED, UNDER_ASSESSMENT or "
        "PACKAGE_PROPOSED -> WITHDRAWN, also while on hold; the reason is kept." + WHO_SUBMITS
    )
    async def withdraw_capacity_request(
        self, info: strawberry.Info, id: RequestId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> CapacityRequest:
        return await _step(info, id, "withdrawn", reason, expected_version)

    @strawberry.mutation(
        description="Report progress on the agreed package (APPROVED or IMPLEMENTING) for a "
        "period under way or past that did not end before its approval; one report "
        "per period (CONFLICT otherwise)." + NOT_ON_HOLD + WHO_ASSESSES
    )
    async def report_package_progress(
        self,
        info: strawberry.Info,
        request_id: RequestId,
        input: InProgressReportInput,
        expected_version: ExpectedVersion = None,
    ) -> ProgressReportPayload:
        async with info.context.unit_of_work() as uow:
            report = await use_cases.report_progress(
                uow, parse_id(request_id, "requestId"), input.period, input.status, input.narrative, expected_version
            )
        return ProgressReportPayload(report=report, request=await _request_through(info, report))


# A child mutation answers with the request too: the aggregate it changed, from the session that changed
# it (identity-map reads, no second statement), so the next expectedVersion needs no refetch.
async def _request(info: strawberry.Info, request_id: uuid.UUID) -> CapacityRequest:
    return await RequestRepository(info.context.session).as_changed(request_id)


async def _request_through(
    info: strawberry.Info, child: models.Measure | models.Contribution | models.ProgressReport
) -> CapacityRequest:
    return await RequestRepository(info.context.session).as_changed_through(child)


async def _measure_payload(info: strawberry.Info, measure: models.Measure) -> MeasurePayload:
    return MeasurePayload(measure=measure, request=await _request_through(info, measure))


async def _contribution_payload(info: strawberry.Info, contribution: models.Contribution) -> ContributionPayload:
    return ContributionPayload(contribution=contribution, request=await _request_through(info, contribution))
