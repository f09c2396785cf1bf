"""Programmes' aggregates told again from their state (the republish command): partners, programmes, Platform
meetings, common actions and contributions to operations, a batch at a time, with the builders of every other event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.events import (
    ACTION_TOPIC,
    CONTRIBUTION_TOPIC,
    MEETING_TOPIC,
    PARTNER_TOPIC,
    PROGRAMME_TOPIC,
    action_event,
    contribution_event,
    meeting_event,
    partner_event,
    programme_event,
)
from programmes.operations.models import OperationalContribution
from programmes.operations.repository import ContributionRepository
from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
from programmes.platform.models import CommonAction, PlatformMeeting
from programmes.platform.repository import ActionRepository, MeetingRepository
from programmes.programmes.models import Programme
from programmes.programmes.repository import ProgrammeRepository
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots


async def _partners(session: AsyncSession, isos: Sequence[str]) -> list[DomainEvent]:
    return [partner_event(SNAPSHOT, p) for p in await PartnerRepository(session).get_many(isos)]


async def _programmes(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = ProgrammeRepository(session)
    return [programme_event(SNAPSHOT, p, await repository.contents(p)) for p in await repository.get_many(ids)]


async def _meetings(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [meeting_event(SNAPSHOT, m) for m in await MeetingRepository(session).get_many(ids)]


async def _actions(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = ActionRepository(session)
    actions = await repository.get_many(ids)
    assignments = await repository.assignments_of(ids)
    return [action_event(SNAPSHOT, a, [x for x in assignments if x.action_id == a.id]) for a in actions]


async def _contributions(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [contribution_event(SNAPSHOT, c) for c in await ContributionRepository(session).get_many(ids)]


SNAPSHOTS = (
    Snapshots(PARTNER_TOPIC, Partner.iso, Partner.updated_at, _partners),
    Snapshots(PROGRAMME_TOPIC, Programme.id, Programme.updated_at, _programmes),
    Snapshots(MEETING_TOPIC, PlatformMeeting.id, PlatformMeeting.updated_at, _meetings),
    Snapshots(ACTION_TOPIC, CommonAction.id, CommonAction.updated_at, _actions),
    Snapshots(CONTRIBUTION_TOPIC, OperationalContribution.id, OperationalContribution.updated_at, _contributions),
)
