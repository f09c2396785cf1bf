"""Capacity's aggregates told again from their state (the republish command): requests for support, for
disaster assistance, Trust Fund projects and SPS applications, a batch at a time, with the builders of every
other event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.eadrcc_repository import AssistanceRepository
from capacity.events import (
    ASSISTANCE_TOPIC,
    REQUEST_TOPIC,
    SPS_TOPIC,
    TRUST_FUND_TOPIC,
    assistance_event,
    request_event,
    sps_event,
    trust_fund_event,
)
from capacity.models import AssistanceRequest, CapacityRequest, SpsApplication, TrustFundProject
from capacity.repository import RequestRepository
from capacity.sps_repository import SpsRepository
from capacity.trust_fund_repository import TrustFundRepository
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots


async def _requests(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = RequestRepository(session)
    return [request_event(SNAPSHOT, r, await repository.contents(r)) for r in await repository.get_many(ids)]


async def _assistance(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = AssistanceRepository(session)
    return [assistance_event(SNAPSHOT, r, await repository.contents(r)) for r in await repository.get_many(ids)]


async def _projects(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = TrustFundRepository(session)
    return [trust_fund_event(SNAPSHOT, p, await repository.contents(p)) for p in await repository.get_many(ids)]


async def _applications(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = SpsRepository(session)
    applications = await repository.get_many(ids)
    reports = await repository.reports_of(ids)
    return [sps_event(SNAPSHOT, a, [r for r in reports if r.application_id == a.id]) for a in applications]


SNAPSHOTS = (
    Snapshots(REQUEST_TOPIC, CapacityRequest.id, CapacityRequest.updated_at, _requests),
    Snapshots(ASSISTANCE_TOPIC, AssistanceRequest.id, AssistanceRequest.updated_at, _assistance),
    Snapshots(TRUST_FUND_TOPIC, TrustFundProject.id, TrustFundProject.updated_at, _projects),
    Snapshots(SPS_TOPIC, SpsApplication.id, SpsApplication.updated_at, _applications),
)
