"""The events of requests for support: capacity.request.v1 (a request with everything in it), its snapshots,
and the other services' events requests follow (partners' standing, the menu's activities and attendance).

A request is one aggregate: any change to it, its assessments or its package bumps its version and publishes
its whole new state on capacity.request.v1.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.partners.repository import known_partners
from capacity.requests.models import CapacityRequest
from capacity.requests.repository import ActivityReadModel, RequestContents, RequestRepository, attendance
from capacity.requests.rules import (
    ContributionKind,
    RagStatus,
    Recommendation,
    RequestStatus,
    SupportArea,
    flag_reason,
)
from shared.db import UnitOfWork
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import CloudEvent, DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState
from shared.priority import Priority
from shared.readmodel import Standing

REQUEST_TOPIC = "capacity.request.v1"


class AssessmentState(EventState):
    findings: str
    recommendation: Recommendation
    assessor: str


class ContributionState(EventState):
    id: str
    nation: str
    kind: ContributionKind
    quantity: int | None
    amount: Decimal | None
    currency: str | None
    description: str | None


class MeasureState(EventState):
    id: str
    area: SupportArea
    title: str
    lead_nation: str
    contributing_nations: list[str]
    activity_ids: list[str]
    flag_reason: str | None = None
    contributions: list[ContributionState]


class ReportState(EventState):
    period: str
    status: RagStatus
    narrative: str


class PackageState(EventState):
    id: str
    summary: str
    approved_on: date | None
    review_date: date | None
    measures: list[MeasureState]
    progress_reports: list[ReportState]


class RequestState(EventState):
    """capacity.request.* data: the request with its assessments and package, as it now is."""

    id: str
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None
    priority: Priority = Priority.MEDIUM
    status: RequestStatus
    on_hold: bool
    assessments: list[AssessmentState] = []
    package: PackageState | None = None
    version: int
    updated_at: datetime


# This concern's part of capacity's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("capacity")
REQUEST_EVENTS = CATALOGUE.topic(
    REQUEST_TOPIC,
    "request",
    RequestState,
    [
        "submitted",
        "updated",
        "assessment_started",
        "assessed",
        "package_proposed",
        "approved",
        "implementation_started",
        "completed",
        "declined",
        "withdrawn",
        "put_on_hold",
        "released",
        "measure_added",
        "measure_updated",
        "measure_removed",
        "activity_linked",
        "measure_flagged",
        "contribution_added",
        "contribution_updated",
        "contribution_removed",
        "progress_reported",
    ],
    "Every change of a Defence Capacity Building request, its assessments and its package",
)


def request_event(verb: str, request: CapacityRequest, contents: RequestContents | None = None) -> DomainEvent:
    contents = contents or RequestContents()
    package = None
    if contents.package is not None:
        by_measure: dict[object, list[ContributionState]] = {}
        for c in contents.contributions:
            by_measure.setdefault(c.measure_id, []).append(
                ContributionState(
                    id=str(c.id),
                    nation=c.nation,
                    kind=c.kind,
                    quantity=c.quantity,
                    amount=c.amount,
                    currency=c.currency,
                    description=c.description,
                )
            )
        package = PackageState(
            id=str(contents.package.id),
            summary=contents.package.summary,
            approved_on=contents.package.approved_on,
            review_date=contents.package.review_date,
            measures=[
                MeasureState(
                    id=str(m.id),
                    area=m.area,
                    title=m.title,
                    lead_nation=m.lead_nation,
                    contributing_nations=m.contributing_nations,
                    activity_ids=[str(a) for a in m.activity_ids],
                    flag_reason=m.flag_reason,
                    contributions=by_measure.get(m.id, []),
                )
                for m in contents.measures
            ],
            progress_reports=[ReportState.model_validate(r) for r in contents.reports],
        )
    state = RequestState(
        id=str(request.id),
        partner_iso=request.partner_iso,
        areas=[SupportArea(a) for a in request.areas],
        title=request.title,
        description=request.description,
        justification=request.justification,
        priority=request.priority,
        status=request.status,
        on_hold=request.on_hold,
        assessments=[AssessmentState.model_validate(a) for a in contents.assessments],
        package=package,
        version=request.version,
        updated_at=request.updated_at,
    )
    return REQUEST_EVENTS.event(verb, state, request.id)


async def changed(uow: UnitOfWork, request: CapacityRequest, verb: str) -> CapacityRequest:
    """Bump the aggregate's version and publish its whole new state."""
    request.bump()
    await uow.session.flush()
    uow.publish(request_event(verb, request, await RequestRepository(uow.session).contents(request)))
    return request


async def _snapshots(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = RequestRepository(session)
    return [request_event(SNAPSHOT, r, await repository.contents(r)) for r in await repository.get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(REQUEST_TOPIC, CapacityRequest.id, CapacityRequest.updated_at, _snapshots),)


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


async def on_activity_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """menu.activity.*: keep capacity's copy (to refuse linking activities not published); a withdrawal flags
    the measures of open requests that link the activity, as programmes flags the plans that chose it."""
    applied = await ActivityReadModel(uow.session).apply(event.data, Standing.of(event))
    # The state, not the verb: after a lost event, a snapshot may be how the copy learns of the withdrawal.
    if not applied or event.data.get("status") != "WITHDRAWN":
        return
    reason = flag_reason(event.data["pcmRef"], event.data.get("withdrawalReason"))
    requests = RequestRepository(uow.session)
    flagged: dict[uuid.UUID, CapacityRequest] = {}
    for measure in await requests.open_measures_linking(uuid.UUID(event.data["id"])):
        measure.flag_reason = reason if measure.flag_reason is None else f"{measure.flag_reason}; {reason}"
        measure.bump()
        request = await requests.request_of_measure(measure)
        flagged[request.id] = request
    for request in flagged.values():
        await changed(uow, request, "measure_flagged")


async def on_nomination_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """menu.nomination.*: keep capacity's copy of who attended, which measures linking the activity show."""
    await attendance(uow.session).apply(event.data)
