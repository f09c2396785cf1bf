"""The events of requests for disaster assistance: capacity.assistance_request.v1 (a request with its needs,
offers and situation reports) and its snapshots."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.assistance.models import AssistanceRequest
from capacity.assistance.repository import AssistanceContents, AssistanceRepository
from capacity.assistance.rules import AssistanceStatus, DisasterType, OfferStatus, covered
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

ASSISTANCE_TOPIC = "capacity.assistance_request.v1"


class NeedState(EventState):
    id: str
    item: str
    quantity: Decimal
    unit: str
    covered: Decimal


class OfferState(EventState):
    id: str
    need_id: str
    nation: str
    quantity: Decimal
    status: OfferStatus


class SituationReportState(EventState):
    number: int
    text: str
    issued_at: datetime


class AssistanceState(EventState):
    """capacity.assistance_request.* data: a request for assistance with its needs (and what accepted offers
    cover of each), the offers and the situation reports, as it now is."""

    id: str
    stricken_country: str
    disaster_type: DisasterType
    title: str
    situation: str
    status: AssistanceStatus
    closing_note: str | None
    needs: list[NeedState]
    offers: list[OfferState]
    situation_reports: list[SituationReportState]
    version: int
    updated_at: datetime


# This concern's part of capacity's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("capacity")
ASSISTANCE_EVENTS = CATALOGUE.topic(
    ASSISTANCE_TOPIC,
    "assistance_request",
    AssistanceState,
    [
        "requested",
        "updated",
        "need_added",
        "offered",
        "offer_accepted",
        "offer_declined",
        "offer_withdrawn",
        "delivered",
        "situation_reported",
        "closed",
    ],
    "Every change of a request for disaster assistance coordinated by the EADRCC: needs, offers, situation reports",
)


def assistance_event(verb: str, request: AssistanceRequest, contents: AssistanceContents) -> DomainEvent:
    state = AssistanceState(
        id=str(request.id),
        stricken_country=request.stricken_country,
        disaster_type=request.disaster_type,
        title=request.title,
        situation=request.situation,
        status=request.status,
        closing_note=request.closing_note,
        needs=[
            NeedState(
                id=str(n.id),
                item=n.item,
                quantity=n.quantity,
                unit=n.unit,
                covered=covered((o.quantity, o.status) for o in contents.offers if o.need_id == n.id),
            )
            for n in contents.needs
        ],
        offers=[
            OfferState(id=str(o.id), need_id=str(o.need_id), nation=o.nation, quantity=o.quantity, status=o.status)
            for o in contents.offers
        ],
        situation_reports=[
            SituationReportState(number=r.number, text=r.text, issued_at=r.created_at) for r in contents.reports
        ],
        version=request.version,
        updated_at=request.updated_at,
    )
    return ASSISTANCE_EVENTS.event(verb, state, request.id)


async def _snapshots(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = AssistanceRepository(session)
    return [assistance_event(SNAPSHOT, r, await repository.contents(r)) for r in await repository.get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(ASSISTANCE_TOPIC, AssistanceRequest.id, AssistanceRequest.updated_at, _snapshots),)
