"""The events the menu publishes: the full new state of an activity, occurrence or nomination, with its
version. A nomination's event names its participant by id only: personal data never travels."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from menu.domain import ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus, ProviderKind
from menu.models import Activity, Exercise, ExerciseParticipation, Nomination, Occurrence, Provider
from menu.mtep import ExerciseStatus, ExerciseType, ParticipationKind, ParticipationStatus
from menu.participation import NominationStatus, Ratings
from menu.provider_rules import ProviderStatus
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.wps import WpsMarker

S = TypeVar("S", bound="_State")
ACTIVITY_TOPIC = "menu.activity.v1"
OCCURRENCE_TOPIC = "menu.occurrence.v1"
NOMINATION_TOPIC = "menu.nomination.v1"
PROVIDER_TOPIC = "menu.provider.v1"
EXERCISE_TOPIC = "menu.exercise.v1"
EXERCISE_PARTICIPATION_TOPIC = "menu.exercise_participation.v1"


class _State(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, from_attributes=True)


class ActivityState(_State):
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


class ProviderState(_State):
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


class OccurrenceState(_State):
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


class NominationRatings(_State):
    """A participant's feedback ratings, 1 (poor) to 5 (excellent); the free text stays in the menu."""

    content: int
    delivery: int
    relevance: int


class NominationState(_State):
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


class ExerciseState(_State):
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


class ExerciseParticipationState(_State):
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


CATALOGUE = EventCatalogue("menu")
PROVIDER_EVENTS = CATALOGUE.topic(
    PROVIDER_TOPIC,
    "provider",
    ProviderState,
    ["registered", "updated", "suspended", "reinstated", "closed"],
    "Every change of an activity provider: a NATO body, a nation, a PTEC or a COE",
    private=("contactName", "contactEmail"),
)
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


def provider_event(verb: str, provider: Provider) -> DomainEvent:
    return PROVIDER_EVENTS.event(verb, ProviderState.model_validate(provider), provider.code)


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
