"""Programmes' aggregates told again from their state (the republish command): partners and programmes,
a batch at a time, with the builders of every other event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.events import PARTNER_TOPIC, PROGRAMME_TOPIC, partner_event, programme_event
from programmes.models import Partner, Programme
from programmes.repository import PartnerRepository, ProgrammeRepository
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots


async def _partners(session: AsyncSession, isos: Sequence[str]) -> list[DomainEvent]:
    return [partner_event(SNAPSHOT, p) for p in await PartnerRepository(session).get_many(isos)]


async def _programmes(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = ProgrammeRepository(session)
    return [programme_event(SNAPSHOT, p, await repository.contents(p)) for p in await repository.get_many(ids)]


SNAPSHOTS = (
    Snapshots(PARTNER_TOPIC, Partner.iso, Partner.updated_at, _partners),
    Snapshots(PROGRAMME_TOPIC, Programme.id, Programme.updated_at, _programmes),
)
