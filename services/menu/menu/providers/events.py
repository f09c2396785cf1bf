"""The events of providers: the full new state of a provider, with its version; and their snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from menu.providers.models import Provider
from menu.providers.repository import ProviderRepository
from menu.providers.rules import ProviderKind, ProviderStatus
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

PROVIDER_TOPIC = "menu.provider.v1"


class ProviderState(EventState):
    """menu.provider.* data: the provider as it now is."""

    code: str
    name: str
    kind: ProviderKind
    country: str
    city: str | None
    accredited_since: int | None
    website: str | None
    contact_name: str | None
    contact_email: str | None
    status: ProviderStatus
    version: int
    updated_at: datetime


# This concern's part of menu's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("menu")
PROVIDER_EVENTS = CATALOGUE.topic(
    PROVIDER_TOPIC,
    "provider",
    ProviderState,
    ["registered", "updated", "suspended", "reinstated", "closed"],
    "Every change of an activity provider: a NATO body, a nation, a PTEC or a COE",
    private=("contactName", "contactEmail"),
)


def provider_event(verb: str, provider: Provider) -> DomainEvent:
    return PROVIDER_EVENTS.event(verb, ProviderState.model_validate(provider), provider.code)


async def _providers(session: AsyncSession, codes: Sequence[str]) -> list[DomainEvent]:
    return [provider_event(SNAPSHOT, p) for p in await ProviderRepository(session).get_many(codes)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(PROVIDER_TOPIC, Provider.code, Provider.updated_at, _providers),)
