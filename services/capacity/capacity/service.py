"""Capacity use cases for requests: submission, assessment, the lifecycle, holds. They never commit.

A request is one aggregate: any change to it, its assessments or its package bumps its
version and publishes its whole new state on capacity.request.v1.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from capacity.access import ASSESS_REQUESTS, PARTNER_STEPS, SUBMIT_REQUESTS, sees_partner
from capacity.domain import (
    EDITABLE_REQUEST,
    OPEN_REQUEST,
    Recommendation,
    RequestStatus,
    RequestSubmission,
    SupportArea,
    check_partner_may_request,
    check_step,
    check_submission,
    review_date,
)
from capacity.events import request_event
from capacity.models import CapacityRequest, RequestAssessment, RequestTransition
from capacity.repository import RequestRepository, known_partners
from shared.auth import Rule
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import Conflict, Forbidden
from shared.events.envelope import CloudEvent
from shared.readmodel import Standing


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
    RequestRepository(uow.session).add(request)
    uow.session.add(
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
    uow.session.add(
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
    uow.session.add(assessment)
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
    return await RequestRepository(uow.session).for_change_by(
        uow.caller, rule, request_id, expected_version, field, missing
    )


async def changed(uow: UnitOfWork, request: CapacityRequest, verb: str) -> CapacityRequest:
    """Bump the aggregate's version and publish its whole new state."""
    request.bump()
    await uow.session.flush()
    uow.publish(request_event(verb, request, await RequestRepository(uow.session).contents(request)))
    return request


async def on_partner_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """programmes.partner.*: keep capacity's copy of the partner; a suspension holds its open requests."""
    readmodel = known_partners(uow.session)
    before = await readmodel.standing(event.data["iso"])
    if not await readmodel.apply(event.data, Standing.of(event)):
        return  # an older or repeated state
    was, now = bool(before and before.suspended), bool(event.data["suspended"])
    if was == now:
        return
    for request in await RequestRepository(uow.session).open_of_partner(event.data["iso"]):
        if request.on_hold != now:
            request.on_hold = now
            await changed(uow, request, "put_on_hold" if now else "released")


__all__ = [
    "OPEN_REQUEST",
    "advance_request",
    "on_partner_changed",
    "record_assessment",
    "submit_request",
    "update_request",
]
