"""The events of SPS grant applications: capacity.sps_application.v1 (an application with its reports, its
co-directors kept out of histories) and its snapshots."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.sps.models import SpsApplication, SpsReport
from capacity.sps.repository import SpsRepository
from capacity.sps.rules import KeyPriority, SpsKind, SpsStatus
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

SPS_TOPIC = "capacity.sps_application.v1"


class SpsReportState(EventState):
    period: str
    narrative: str


class SpsState(EventState):
    """capacity.sps_application.* data: an SPS application as it now is (its co-directors kept out of histories)."""

    id: str
    kind: SpsKind
    key_priority: KeyPriority
    title: str
    summary: str
    nato_country: str
    nato_co_director: str
    partner_country: str
    partner_co_director: str
    budget_eur: Decimal
    panel_outcome: str | None
    grant_eur: Decimal | None
    status: SpsStatus
    reports: list[SpsReportState]
    version: int
    updated_at: datetime


# This concern's part of capacity's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("capacity")
SPS_EVENTS = CATALOGUE.topic(
    SPS_TOPIC,
    "sps_application",
    SpsState,
    ["submitted", "review_started", "approved", "rejected", "activated", "completed", "reported"],
    "Every change of a Science for Peace and Security grant application",
    private=("natoCoDirector", "partnerCoDirector"),
)


def sps_event(verb: str, application: SpsApplication, reports: list[SpsReport]) -> DomainEvent:
    state = SpsState.model_validate(
        {
            **{n: getattr(application, n) for n in SpsState.model_fields if n not in ("id", "reports")},
            "id": str(application.id),
            "reports": [SpsReportState(period=r.period, narrative=r.narrative) for r in reports],
        }
    )
    return SPS_EVENTS.event(verb, state, application.id)


async def _snapshots(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = SpsRepository(session)
    applications = await repository.get_many(ids)
    reports = await repository.reports_of(ids)
    return [sps_event(SNAPSHOT, a, [r for r in reports if r.application_id == a.id]) for a in applications]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(SPS_TOPIC, SpsApplication.id, SpsApplication.updated_at, _snapshots),)
