"""The events of Trust Fund projects: capacity.trust_fund_project.v1 (a project with its phases, pledges,
payments, funding gap and reports) and its snapshots."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.trust_funds.models import TrustFundProject
from capacity.trust_funds.repository import TrustFundContents, TrustFundRepository
from capacity.trust_funds.rules import ProjectKind, ProjectStatus
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

TRUST_FUND_TOPIC = "capacity.trust_fund_project.v1"


class PhaseState(EventState):
    id: str
    name: str
    budget_eur: Decimal


class MoneyState(EventState):
    nation: str
    amount_eur: Decimal
    at: datetime


class TrustFundReportState(EventState):
    period: str
    narrative: str


class TrustFundState(EventState):
    """capacity.trust_fund_project.* data: a Trust Fund project with its phases, pledges, payments, funding gap and
    progress reports, as it now is."""

    id: str
    beneficiary_iso: str
    kind: ProjectKind
    title: str
    description: str
    lead_nations: list[str]
    status: ProjectStatus
    phases: list[PhaseState]
    pledges: list[MoneyState]
    payments: list[MoneyState]
    funding_gap_eur: Decimal
    progress_reports: list[TrustFundReportState]
    version: int
    updated_at: datetime


# This concern's part of capacity's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("capacity")
TRUST_FUND_EVENTS = CATALOGUE.topic(
    TRUST_FUND_TOPIC,
    "trust_fund_project",
    TrustFundState,
    [
        "proposed",
        "phase_added",
        "approved",
        "pledged",
        "paid",
        "funded",
        "implementation_started",
        "completed",
        "cancelled",
        "progress_reported",
    ],
    "Every change of a Trust Fund project: phases, pledges, payments, lifecycle, progress",
)


def trust_fund_event(verb: str, project: TrustFundProject, contents: TrustFundContents) -> DomainEvent:
    state = TrustFundState(
        id=str(project.id),
        beneficiary_iso=project.beneficiary_iso,
        kind=project.kind,
        title=project.title,
        description=project.description,
        lead_nations=project.lead_nations,
        status=project.status,
        phases=[PhaseState(id=str(p.id), name=p.name, budget_eur=p.budget_eur) for p in contents.phases],
        pledges=[
            MoneyState(nation=m.nation, amount_eur=m.amount_eur, at=m.created_at)
            for m in contents.money
            if not m.payment
        ],
        payments=[
            MoneyState(nation=m.nation, amount_eur=m.amount_eur, at=m.created_at) for m in contents.money if m.payment
        ],
        funding_gap_eur=contents.gap,
        progress_reports=[TrustFundReportState(period=r.period, narrative=r.narrative) for r in contents.reports],
        version=project.version,
        updated_at=project.updated_at,
    )
    return TRUST_FUND_EVENTS.event(verb, state, project.id)


async def _snapshots(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = TrustFundRepository(session)
    return [trust_fund_event(SNAPSHOT, p, await repository.contents(p)) for p in await repository.get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(TRUST_FUND_TOPIC, TrustFundProject.id, TrustFundProject.updated_at, _snapshots),)
