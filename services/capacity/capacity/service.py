"""Capacity use cases: load, apply a rule, save, publish the event. They never commit."""

from __future__ import annotations

from capacity.domain import RequestStatus, RequestSubmission, check_partner_may_request, check_submission
from capacity.events import request_event
from capacity.models import CapacityRequest
from capacity.repository import PartnerReadModel, RequestRepository
from shared.db import UnitOfWork
from shared.events.envelope import CloudEvent


async def submit_request(uow: UnitOfWork, submission: RequestSubmission) -> CapacityRequest:
    submission = check_submission(submission)
    standing = await PartnerReadModel(uow.session).standing(submission.partner_iso)
    check_partner_may_request(standing, submission.partner_iso)
    request = CapacityRequest(
        partner_iso=submission.partner_iso, areas=[a.value for a in submission.areas], title=submission.title,
        description=submission.description, justification=submission.justification,
        status=RequestStatus.SUBMITTED, on_hold=False,
    )
    RequestRepository(uow.session).add(request)
    uow.publish(request_event("submitted", request))
    return request


async def on_partner_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """programmes.partner.*: keep capacity's own copy of the partner."""
    await PartnerReadModel(uow.session).apply(event.data)
