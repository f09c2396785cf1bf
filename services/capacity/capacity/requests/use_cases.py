"""Use cases of requests for support: submission, assessment, the lifecycle, and the package (measures linked to
menu activities, nations' contributions, progress reports). They never commit.

A request is one aggregate: any change to it, its assessments or its package bumps its version and publishes
its whole new state on capacity.request.v1 (events.changed).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from capacity.partners.repository import known_partners
from capacity.partners.rules import check_partner_may_request
from capacity.requests.access import (
    ASSESS_REQUESTS,
    CONTRIBUTE,
    PARTNER_STEPS,
    SUBMIT_REQUESTS,
    check_contributes_as,
    sees_partner,
)
from capacity.requests.events import changed, request_event
from capacity.requests.models import (
    CapacityRequest,
    Contribution,
    Measure,
    Package,
    ProgressReport,
    RequestAssessment,
    RequestTransition,
)
from capacity.requests.repository import ActivityReadModel, RequestRepository
from capacity.requests.rules import (
    AGREED_PACKAGE,
    EDITABLE_REQUEST,
    SHAPEABLE_PACKAGE,
    ContributionDetails,
    RagStatus,
    Recommendation,
    RequestStatus,
    RequestSubmission,
    SupportArea,
    check_contribution,
    check_linkable,
    check_nation,
    check_period,
    check_step,
    check_submission,
    flag_reason,
    review_date,
)
from shared.auth import Rule
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, Forbidden, NotFound


async def submit_request(uow: UnitOfWork, submission: RequestSubmission) -> CapacityRequest:
    SUBMIT_REQUESTS.require(uow.caller)
    submission = check_submission(submission)
    if not sees_partner(uow.caller, submission.partner_iso):
        raise Forbidden(f"a partner submits its own requests only, not {submission.partner_iso}'s")
    standing = await known_partners(uow.session).standing(submission.partner_iso)
    check_partner_may_request(standing, submission.partner_iso)
    request = CapacityRequest(
        partner_iso=submission.partner_iso,
        areas=[a.value for a in submission.areas],
        title=submission.title,
        description=submission.description,
        justification=submission.justification,
        priority=submission.priority,
        status=RequestStatus.SUBMITTED,
        on_hold=False,
    )
    requests = RequestRepository(uow.session)
    requests.add(request)
    requests.add(
        RequestTransition(
            request_id=request.id, from_status=None, to_status=RequestStatus.SUBMITTED, actor=uow.actor, reason=None
        )
    )
    uow.publish(request_event("submitted", request))
    return request


async def update_request(
    uow: UnitOfWork, request_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None
) -> CapacityRequest:
    request = await load_request(uow, request_id, expected_version, rule=SUBMIT_REQUESTS)
    if request.status not in EDITABLE_REQUEST:
        raise Conflict(f"a request {request.status.value.lower()} cannot change", currentStatus=request.status.value)
    current = RequestSubmission(
        partner_iso=request.partner_iso,
        areas=[SupportArea(a) for a in request.areas],
        title=request.title,
        description=request.description,
        justification=request.justification,
        priority=request.priority,
    )
    for name, value in changes.items():
        setattr(current, name, value)
    checked = check_submission(current)
    request.areas = [a.value if hasattr(a, "value") else a for a in checked.areas]
    request.title, request.description = checked.title, checked.description
    request.justification, request.priority = checked.justification, checked.priority
    return await changed(uow, request, "updated")


STEPS = {
    "assessment_started": RequestStatus.UNDER_ASSESSMENT,
    "approved": RequestStatus.APPROVED,
    "implementation_started": RequestStatus.IMPLEMENTING,
    "completed": RequestStatus.COMPLETED,
    "declined": RequestStatus.DECLINED,
    "withdrawn": RequestStatus.WITHDRAWN,
}


async def advance_request(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    verb: str,
    reason: str | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> CapacityRequest:
    """One lifecycle step, kept in the history with who, when and why."""
    rule = SUBMIT_REQUESTS if verb in PARTNER_STEPS else ASSESS_REQUESTS
    rule.require(uow.caller)
    target = STEPS[verb]
    reason = text_field(
        reason, "reason", max_length=2000, required=target in (RequestStatus.DECLINED, RequestStatus.WITHDRAWN)
    )
    request = await load_request(uow, request_id, expected_version, rule=rule)
    if target is RequestStatus.APPROVED:
        contents = await RequestRepository(uow.session).contents(request)
        if contents.package is None or not contents.measures:
            raise Conflict("a request is approved with a package of at least one measure")
        contents.package.approved_on = today or date.today()
        contents.package.review_date = review_date(contents.package.approved_on)
    await transition(uow, request, target, reason)
    return await changed(uow, request, verb)


async def transition(uow: UnitOfWork, request: CapacityRequest, target: RequestStatus, reason: str | None) -> None:
    check_step(request.status, target, request.on_hold)
    RequestRepository(uow.session).add(
        RequestTransition(
            request_id=request.id, from_status=request.status, to_status=target, actor=uow.actor, reason=reason
        )
    )
    request.status = target


async def record_assessment(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    findings: str,
    recommendation: Recommendation,
    expected_version: int | None = None,
) -> RequestAssessment:
    request = await load_request(uow, request_id, expected_version, field="requestId")
    if request.status is not RequestStatus.UNDER_ASSESSMENT:
        raise Conflict("a request is assessed while it is UNDER_ASSESSMENT", currentStatus=request.status.value)
    assessment = RequestAssessment(
        request_id=request.id,
        findings=text_field(findings, "findings", max_length=10_000) or "",
        recommendation=recommendation,
        assessor=uow.actor,
    )
    RequestRepository(uow.session).add(assessment)
    await changed(uow, request, "assessed")
    return assessment


async def load_request(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    expected_version: int | None = None,
    field: str | None = None,
    rule: Rule = ASSESS_REQUESTS,
    missing: Exception | None = None,
) -> CapacityRequest:
    """The request, locked for a change the caller may make under `rule` (assessing, unless told)."""
    return await RequestRepository(uow.session, uow.caller).for_change_under(
        rule, request_id, expected_version, field, missing
    )


async def propose_package(
    uow: UnitOfWork, request_id: uuid.UUID, summary: str, expected_version: int | None = None
) -> Package:
    """UNDER_ASSESSMENT -> PACKAGE_PROPOSED, with the package the measures will go into."""
    request = await load_request(uow, request_id, expected_version, field="requestId", rule=ASSESS_REQUESTS)
    summary = text_field(summary, "summary", max_length=10_000) or ""
    await transition(uow, request, RequestStatus.PACKAGE_PROPOSED, None)
    package = Package(request_id=request.id, summary=summary)
    RequestRepository(uow.session).add(package)
    await changed(uow, request, "package_proposed")
    return package


async def add_measure(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    area: SupportArea,
    title: str,
    lead_nation: str,
    contributing_nations: list[str],
    activity_ids: list[uuid.UUID],
    expected_version: int | None = None,
) -> Measure:
    request, package = await _package(uow, request_id, expected_version, SHAPEABLE_PACKAGE)
    title = text_field(title, "title", max_length=300) or ""
    lead = check_nation(lead_nation, "leadNation")
    nations = list(dict.fromkeys(check_nation(n, "contributingNations") for n in contributing_nations))
    await _check_activities(uow, activity_ids)
    measure = Measure(
        package_id=package.id,
        area=area,
        title=title,
        lead_nation=lead,
        contributing_nations=nations,
        activity_ids=list(dict.fromkeys(activity_ids)),
    )
    RequestRepository(uow.session).add(measure)
    await changed(uow, request, "measure_added")
    return measure


async def update_measure(
    uow: UnitOfWork, measure_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None = None
) -> Measure:
    """Change a measure while the package is shaped; once it is agreed, only its linked activities change."""
    ASSESS_REQUESTS.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    measure = await _measure(uow, measure_id)
    statuses = SHAPEABLE_PACKAGE | AGREED_PACKAGE if set(changes) <= {"activity_ids"} else SHAPEABLE_PACKAGE
    request, _ = await _package_of_measure(uow, measure, expected_version, statuses)
    if "area" in changes:
        measure.area = changes["area"]
    if "title" in changes:
        measure.title = text_field(changes["title"], "title", max_length=300) or ""
    if "lead_nation" in changes:
        measure.lead_nation = check_nation(changes["lead_nation"], "leadNation")
    if "contributing_nations" in changes:
        measure.contributing_nations = list(
            dict.fromkeys(check_nation(n, "contributingNations") for n in changes["contributing_nations"])
        )
    if "activity_ids" in changes:
        added = [a for a in dict.fromkeys(changes["activity_ids"]) if a not in measure.activity_ids]
        await _check_activities(uow, added)
        measure.activity_ids = list(dict.fromkeys(changes["activity_ids"]))
        await _reflag(uow, measure)
    measure.bump()
    await changed(uow, request, "measure_updated")
    return measure


async def remove_measure(
    uow: UnitOfWork,
    measure_id: uuid.UUID,
    expected_version: int | None = None,
) -> CapacityRequest:
    """Take a measure, with its contributions, out of a package still being shaped."""
    ASSESS_REQUESTS.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    measure = await _measure(uow, measure_id)
    request, _ = await _package_of_measure(uow, measure, expected_version, SHAPEABLE_PACKAGE)
    await RequestRepository(uow.session).delete_measure(measure)
    return await changed(uow, request, "measure_removed")


async def link_activity(
    uow: UnitOfWork, measure_id: uuid.UUID, activity_id: uuid.UUID, expected_version: int | None = None
) -> Measure:
    ASSESS_REQUESTS.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    measure = await _measure(uow, measure_id)
    request, _ = await _package_of_measure(uow, measure, expected_version, SHAPEABLE_PACKAGE | AGREED_PACKAGE)
    await _check_activities(uow, [activity_id], field="activityId")
    if activity_id in measure.activity_ids:
        raise Conflict("the measure already links this activity", field="activityId")
    measure.activity_ids = [*measure.activity_ids, activity_id]
    measure.bump()
    await changed(uow, request, "activity_linked")
    return measure


async def add_contribution(
    uow: UnitOfWork, measure_id: uuid.UUID, details: ContributionDetails, expected_version: int | None = None
) -> Contribution:
    CONTRIBUTE.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    measure = await _measure(uow, measure_id)
    check_contributes_as(uow.caller, check_nation(details.nation, "nation"))
    request, _ = await _package_of_measure(
        uow, measure, expected_version, SHAPEABLE_PACKAGE | AGREED_PACKAGE, CONTRIBUTE
    )
    details = check_contribution(details)
    contribution = Contribution(
        measure_id=measure.id,
        nation=details.nation,
        kind=details.kind,
        quantity=details.quantity,
        amount=details.amount,
        currency=details.currency,
        description=details.description,
    )
    RequestRepository(uow.session).add(contribution)
    _count_in(measure, details.nation)
    await changed(uow, request, "contribution_added")
    return contribution


async def update_contribution(
    uow: UnitOfWork, contribution_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None = None
) -> Contribution:
    """A nation revises what it gives (its kind, number, amount or description)."""
    CONTRIBUTE.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    contribution, measure, request = await _contribution(uow, contribution_id, expected_version)
    current = ContributionDetails(
        nation=contribution.nation,
        kind=contribution.kind,
        quantity=contribution.quantity,
        amount=contribution.amount,
        currency=contribution.currency,
        description=contribution.description,
    )
    details = check_contribution(ContributionDetails(**{**asdict(current), **changes}))
    for name, value in asdict(details).items():
        setattr(contribution, name, value)
    contribution.bump()
    _count_in(measure, details.nation)
    await changed(uow, request, "contribution_updated")
    return contribution


async def remove_contribution(
    uow: UnitOfWork, contribution_id: uuid.UUID, expected_version: int | None = None
) -> CapacityRequest:
    CONTRIBUTE.require(uow.caller)  # before any lookup: a refusal says nothing of what exists
    contribution, _, request = await _contribution(uow, contribution_id, expected_version)
    await RequestRepository(uow.session).delete(contribution)
    return await changed(uow, request, "contribution_removed")


async def report_progress(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    period: str,
    status: RagStatus,
    narrative: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> ProgressReport:
    request, package = await _package(uow, request_id, expected_version, AGREED_PACKAGE)
    period = check_period(period, package.approved_on, today or date.today())
    narrative = text_field(narrative, "narrative", max_length=10_000) or ""
    if any(r.period == period for r in await RequestRepository(uow.session).reports_of([package.id])):
        raise Conflict(f"the package already has a report for {period}", field="period")
    report = ProgressReport(package_id=package.id, period=period, status=status, narrative=narrative)
    RequestRepository(uow.session).add(report)
    await changed(uow, request, "progress_reported")
    return report


async def _reflag(uow: UnitOfWork, measure: Measure) -> None:
    """Keep a measure flagged only while it links an activity the menu has withdrawn."""
    withdrawn = await ActivityReadModel(uow.session).withdrawn(measure.activity_ids)
    measure.flag_reason = "; ".join(flag_reason(a.pcm_ref, None) for a in withdrawn) if withdrawn else None


def _count_in(measure: Measure, nation: str) -> None:
    if nation != measure.lead_nation and nation not in measure.contributing_nations:
        measure.contributing_nations = [*measure.contributing_nations, nation]


async def _contribution(
    uow: UnitOfWork,
    contribution_id: uuid.UUID,
    expected_version: int | None,
) -> tuple[Contribution, Measure, CapacityRequest]:
    contribution = await RequestRepository(uow.session).child(Contribution, contribution_id)
    if contribution is None:
        raise NotFound("Contribution", contribution_id)
    check_contributes_as(uow.caller, contribution.nation)  # before the version: another nation's is not its to see
    measure = await _measure(uow, contribution.measure_id)
    request, _ = await _package_of_measure(
        uow,
        measure,
        expected_version,
        SHAPEABLE_PACKAGE | AGREED_PACKAGE,
        CONTRIBUTE,
        ("Contribution", contribution_id),
    )
    return contribution, measure, request


async def _check_activities(uow: UnitOfWork, activity_ids: list[uuid.UUID], field: str = "activityIds") -> None:
    activities = ActivityReadModel(uow.session)
    for activity_id in activity_ids:
        check_linkable(await activities.standing(activity_id), str(activity_id), field)


async def _package(
    uow: UnitOfWork,
    request_id: uuid.UUID,
    expected_version: int | None,
    statuses: frozenset[RequestStatus],
    rule: Rule = ASSESS_REQUESTS,
    child: tuple[str, uuid.UUID] | None = None,
) -> tuple[CapacityRequest, Package]:
    request = await load_request(
        uow, request_id, expected_version, field="requestId", rule=rule, missing=NotFound(*child) if child else None
    )
    if request.status not in statuses:
        raise Conflict(f"not while the request is {request.status.value}", currentStatus=request.status.value)
    if request.on_hold:
        raise Conflict("the request is on hold while its partner is suspended")
    packages = await RequestRepository(uow.session).packages_of([request.id])
    if not packages:
        raise BadUserInput("the request has no package yet", field="requestId")
    return request, packages[0]


async def _package_of_measure(
    uow: UnitOfWork,
    measure: Measure,
    expected_version: int | None,
    statuses: frozenset[RequestStatus],
    rule: Rule = ASSESS_REQUESTS,
    child: tuple[str, uuid.UUID] | None = None,
) -> tuple[CapacityRequest, Package]:
    package = await RequestRepository(uow.session).child(Package, measure.package_id)
    return await _package(uow, package.request_id, expected_version, statuses, rule, child or ("Measure", measure.id))


async def _measure(uow: UnitOfWork, measure_id: uuid.UUID) -> Measure:
    measure = await RequestRepository(uow.session).child(Measure, measure_id)
    if measure is None:
        raise NotFound("Measure", measure_id)
    return measure
