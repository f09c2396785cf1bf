"""The events of nominations: the full new state of a nomination, with its version; and their snapshots. A
nomination's event names its participant by id only: personal data never travels."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities.models import Occurrence
from menu.activities.repository import OccurrenceRepository
from menu.participation.models import Nomination
from menu.participation.repository import NominationRepository
from menu.participation.rules import NominationStatus, Ratings
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

NOMINATION_TOPIC = "menu.nomination.v1"


class NominationRatings(EventState):
    """A participant's feedback ratings, 1 (poor) to 5 (excellent); the free text stays in the menu."""

    content: int
    delivery: int
    relevance: int


class NominationState(EventState):
    """menu.nomination.* data: the nomination as it now is, its participant by id only."""

    id: str
    occurrence_id: str
    activity_id: str
    occurrence_start_date: date
    partner_iso: str
    participant_id: str
    status: NominationStatus
    arrival: int
    ratings: NominationRatings | None = None
    version: int
    updated_at: datetime


# This concern's part of menu's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("menu")
NOMINATION_EVENTS = CATALOGUE.topic(
    NOMINATION_TOPIC,
    "nomination",
    NominationState,
    [
        "nominated",
        "waitlisted",
        "promoted",
        "confirmed",
        "declined",
        "withdrawn",
        "attended",
        "no_show",
        "feedback_recorded",
    ],
    "Every change of a partner's nomination of a participant to an occurrence: seats, waitlist, attendance",
)


def nomination_event(
    verb: str, nomination: Nomination, occurrence: Occurrence, ratings: Ratings | None = None
) -> DomainEvent:
    state = NominationState(
        id=str(nomination.id),
        occurrence_id=str(nomination.occurrence_id),
        activity_id=str(nomination.activity_id),
        occurrence_start_date=occurrence.start_date,
        partner_iso=nomination.partner_iso,
        participant_id=str(nomination.participant_id),
        status=nomination.status,
        arrival=nomination.arrival,
        ratings=NominationRatings(content=ratings.content, delivery=ratings.delivery, relevance=ratings.relevance)
        if ratings
        else None,
        version=nomination.version,
        updated_at=nomination.updated_at,
    )
    return NOMINATION_EVENTS.event(verb, state, nomination.id)


async def _nominations(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = NominationRepository(session)
    nominations = await repository.get_many(ids)
    occurrences = {
        o.id: o for o in await OccurrenceRepository(session).get_many(list({n.occurrence_id for n in nominations}))
    }
    ratings = {f.nomination_id: Ratings(f.content, f.delivery, f.relevance) for f in await repository.feedback(ids)}
    return [nomination_event(SNAPSHOT, n, occurrences[n.occurrence_id], ratings.get(n.id)) for n in nominations]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(NOMINATION_TOPIC, Nomination.id, Nomination.updated_at, _nominations),)
