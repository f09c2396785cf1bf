"""The events of the exercise programme: the full new state of an exercise or a request to take part, with its
version; and their snapshots."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from menu.exercises.models import Exercise, ExerciseParticipation
from menu.exercises.repository import ExerciseRepository, ParticipationRepository
from menu.exercises.rules import ExerciseStatus, ExerciseType, ParticipationKind, ParticipationStatus
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

S = TypeVar("S", bound=EventState)
EXERCISE_TOPIC = "menu.exercise.v1"
EXERCISE_PARTICIPATION_TOPIC = "menu.exercise_participation.v1"


class ExerciseState(EventState):
    """menu.exercise.* data: the exercise as it now is."""

    id: str
    name: str
    year: int
    type: ExerciseType
    scenario: str
    lead_code: str
    nac_crisis_management: bool
    open_to_partners: bool
    invited_partners: list[str]
    start_date: date | None
    end_date: date | None
    location: str | None
    status: ExerciseStatus
    version: int
    updated_at: datetime


class ExerciseParticipationState(EventState):
    """menu.exercise_participation.* data: a partner's request to take part in an exercise, as it now is."""

    id: str
    exercise_id: str
    lead_code: str
    partner_iso: str
    kind: ParticipationKind
    personnel: int
    note: str | None
    status: ParticipationStatus
    version: int
    updated_at: datetime


# This concern's part of menu's event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("menu")
EXERCISE_EVENTS = CATALOGUE.topic(
    EXERCISE_TOPIC,
    "exercise",
    ExerciseState,
    ["planned", "updated", "partners_invited", "confirmed", "conducted", "cancelled"],
    "Every change of an exercise of the Military Training and Exercise Programme",
)
EXERCISE_PARTICIPATION_EVENTS = CATALOGUE.topic(
    EXERCISE_PARTICIPATION_TOPIC,
    "exercise_participation",
    ExerciseParticipationState,
    ["requested", "approved", "declined", "withdrawn", "lead_changed"],
    "Every change of a partner's request to take part in an exercise, and the decision on it",
)


def exercise_event(verb: str, exercise: Exercise) -> DomainEvent:
    return EXERCISE_EVENTS.event(verb, _state_of(ExerciseState, exercise, id=str(exercise.id)), exercise.id)


def exercise_participation_event(verb: str, participation: ExerciseParticipation) -> DomainEvent:
    state = _state_of(
        ExerciseParticipationState, participation, id=str(participation.id), exercise_id=str(participation.exercise_id)
    )
    return EXERCISE_PARTICIPATION_EVENTS.event(verb, state, participation.id)


def _state_of(model: type[S], row: object, **given: object) -> S:
    """A state read from a row's attributes of the same names; `given` where the row's differ (ids as text)."""
    return model.model_validate(
        {name: given[name] if name in given else getattr(row, name) for name in model.model_fields}
    )


async def _exercises(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [exercise_event(SNAPSHOT, e) for e in await ExerciseRepository(session).get_many(ids)]


async def _participations(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [exercise_participation_event(SNAPSHOT, p) for p in await ParticipationRepository(session).get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (
    Snapshots(EXERCISE_TOPIC, Exercise.id, Exercise.updated_at, _exercises),
    Snapshots(
        EXERCISE_PARTICIPATION_TOPIC, ExerciseParticipation.id, ExerciseParticipation.updated_at, _participations
    ),
)
