"""The events of partners: programmes.partner.v1, a partner's full state and version at every change, and how
the republish command tells them again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
from programmes.programmes.rules import ProgrammeType
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState
from shared.frameworks import Framework

PARTNER_TOPIC = "programmes.partner.v1"


# Every state: camelCase fields, read from the ORM row (the same base in each concern's events.py).
class PartnerState(EventState):
    """programmes.partner.* data: the partner as it now is."""

    iso: str
    name: str
    framework: Framework
    suspended: bool
    suspension_reason: str | None = None
    enhanced_opportunities: bool
    interoperability_platform: bool = False
    platform_joined_on: date | None = None
    platform_left_on: date | None = None
    ipap_since: int | None
    dcb: bool
    deep: bool
    tools: list[ProgrammeType] = []
    version: int
    updated_at: datetime


# This concern's part of programmes' event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("programmes")
PARTNER_EVENTS = CATALOGUE.topic(
    PARTNER_TOPIC,
    "partner",
    PartnerState,
    ["registered", "updated", "suspended", "reinstated", "platform_joined", "platform_left"],
    "Every change of a partner: framework, flags, tools, suspension, Interoperability Platform membership",
)


def partner_event(verb: str, partner: Partner) -> DomainEvent:
    return PARTNER_EVENTS.event(verb, PartnerState.model_validate(partner), partner.iso)


async def _snapshots(session: AsyncSession, isos: Sequence[str]) -> list[DomainEvent]:
    return [partner_event(SNAPSHOT, p) for p in await PartnerRepository(session).get_many(isos)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(PARTNER_TOPIC, Partner.iso, Partner.updated_at, _snapshots),)
