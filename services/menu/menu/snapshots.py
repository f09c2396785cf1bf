"""The menu's aggregates told again from their state (the republish command): providers, activities,
occurrences, nominations, exercises and requests to take part in them, a batch at a time, with the builders
of every other event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from menu.events import (
    ACTIVITY_TOPIC,
    EXERCISE_PARTICIPATION_TOPIC,
    EXERCISE_TOPIC,
    NOMINATION_TOPIC,
    OCCURRENCE_TOPIC,
    PROVIDER_TOPIC,
    activity_event,
    exercise_event,
    exercise_participation_event,
    nomination_event,
    occurrence_event,
    provider_event,
)
from menu.exercise_repository import ExerciseRepository, ParticipationRepository
from menu.models import Activity, Exercise, ExerciseParticipation, Nomination, Occurrence, Provider
from menu.participation import Ratings
from menu.provider_repository import ProviderRepository
from menu.repository import ActivityRepository, NominationRepository, OccurrenceRepository
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots


async def _providers(session: AsyncSession, codes: Sequence[str]) -> list[DomainEvent]:
    return [provider_event(SNAPSHOT, p) for p in await ProviderRepository(session).get_many(codes)]


async def _exercises(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [exercise_event(SNAPSHOT, e) for e in await ExerciseRepository(session).get_many(ids)]


async def _participations(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [exercise_participation_event(SNAPSHOT, p) for p in await ParticipationRepository(session).get_many(ids)]


async def _activities(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [activity_event(SNAPSHOT, a) for a in await ActivityRepository(session).get_many(ids)]


async def _occurrences(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [occurrence_event(SNAPSHOT, o) for o in await OccurrenceRepository(session).get_many(ids)]


async def _nominations(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = NominationRepository(session)
    nominations = await repository.get_many(ids)
    occurrences = {
        o.id: o for o in await OccurrenceRepository(session).get_many(list({n.occurrence_id for n in nominations}))
    }
    ratings = {f.nomination_id: Ratings(f.content, f.delivery, f.relevance) for f in await repository.feedback(ids)}
    return [nomination_event(SNAPSHOT, n, occurrences[n.occurrence_id], ratings.get(n.id)) for n in nominations]


SNAPSHOTS = (
    Snapshots(PROVIDER_TOPIC, Provider.code, Provider.updated_at, _providers),
    Snapshots(ACTIVITY_TOPIC, Activity.id, Activity.updated_at, _activities),
    Snapshots(OCCURRENCE_TOPIC, Occurrence.id, Occurrence.updated_at, _occurrences),
    Snapshots(NOMINATION_TOPIC, Nomination.id, Nomination.updated_at, _nominations),
    Snapshots(EXERCISE_TOPIC, Exercise.id, Exercise.updated_at, _exercises),
    Snapshots(
        EXERCISE_PARTICIPATION_TOPIC, ExerciseParticipation.id, ExerciseParticipation.updated_at, _participations
    ),
)
