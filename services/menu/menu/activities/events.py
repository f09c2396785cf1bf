"""The events of activities and occurrences: the full new state of an activity or occurrence, with its version;
and how the republish command tells them again (their snapshots)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities.models import Activity, Occurrence
from menu.activities.repository import ActivityRepository, OccurrenceRepository
from menu.activities.rules import ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus
from menu.providers.rules import ProviderKind
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState
from shared.wps import WpsMarker

ACTIVITY_TOPIC = "menu.activity.v1"
OCCURRENCE_TOPIC = "menu.occurrence.v1"


class ActivityState(EventState):
    """menu.activity.* data: the activity as it now is."""

    id: str
    pcm_ref: str
    title: str
    description: str
    area_code: str
    kind: ActivityKind
    provider_kind: ProviderKind
    provider_name: str
    provider_code: str | None = None  # the pcmRef's prefix; absent from events before providers were entities
    level: ActivityLevel
    languages: list[str]
    fee_eur: Decimal | None
    contact_name: str | None
    contact_email: str | None
    frameworks: list[str]
    eligible_partners: list[str]
    tags: list[str]
    wps_marker: WpsMarker = WpsMarker.NOT_TARGETED
    status: ActivityStatus
    withdrawal_reason: str | None
    version: int
    updated_at: datetime


class OccurrenceState(EventState):
    """menu.occurrence.* data: the occurrence as it now is."""

    id: str
    activity_id: str
    start_date: date
    end_date: date
    location: str
    host: str
    seats: int
    quota_per_partner: int | None = None
    registration_deadline: date | None
    status: OccurrenceStatus
    cancellation_reason: str | None
    version: int
    updated_at: datetime


# This concern's part of menu's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("menu")
ACTIVITY_EVENTS = CATALOGUE.topic(
    ACTIVITY_TOPIC,
    "activity",
    ActivityState,
    ["created", "updated", "published", "withdrawn", "archived"],
    "Every change of a Partnership Cooperation Menu activity",
    private=("contactName", "contactEmail"),
)
OCCURRENCE_EVENTS = CATALOGUE.topic(
    OCCURRENCE_TOPIC,
    "occurrence",
    OccurrenceState,
    ["scheduled", "updated", "registration_opened", "registration_closed", "held", "cancelled"],
    "Every change of a dated occurrence of an activity",
)


def activity_event(verb: str, activity: Activity) -> DomainEvent:
    state = ActivityState(
        id=str(activity.id),
        pcm_ref=activity.pcm_ref,
        title=activity.title,
        description=activity.description,
        area_code=activity.area_code,
        kind=activity.kind,
        provider_kind=activity.provider_kind,
        provider_name=activity.provider_name,
        provider_code=activity.provider_code,
        level=activity.level,
        languages=activity.languages,
        fee_eur=activity.fee_eur,
        contact_name=activity.contact_name,
        contact_email=activity.contact_email,
        frameworks=activity.frameworks,
        eligible_partners=activity.eligible_partners,
        tags=activity.tags,
        wps_marker=activity.wps_marker,
        status=activity.status,
        withdrawal_reason=activity.withdrawal_reason,
        version=activity.version,
        updated_at=activity.updated_at,
    )
    return ACTIVITY_EVENTS.event(verb, state, activity.id)


def occurrence_event(verb: str, occurrence: Occurrence) -> DomainEvent:
    state = OccurrenceState(
        id=str(occurrence.id),
        activity_id=str(occurrence.activity_id),
        start_date=occurrence.start_date,
        end_date=occurrence.end_date,
        location=occurrence.location,
        host=occurrence.host,
        seats=occurrence.seats,
        quota_per_partner=occurrence.quota_per_partner,
        registration_deadline=occurrence.registration_deadline,
        status=occurrence.status,
        cancellation_reason=occurrence.cancellation_reason,
        version=occurrence.version,
        updated_at=occurrence.updated_at,
    )
    return OCCURRENCE_EVENTS.event(verb, state, occurrence.id)


async def _activities(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [activity_event(SNAPSHOT, a) for a in await ActivityRepository(session).get_many(ids)]


async def _occurrences(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [occurrence_event(SNAPSHOT, o) for o in await OccurrenceRepository(session).get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (
    Snapshots(ACTIVITY_TOPIC, Activity.id, Activity.updated_at, _activities),
    Snapshots(OCCURRENCE_TOPIC, Occurrence.id, Occurrence.updated_at, _occurrences),
)
