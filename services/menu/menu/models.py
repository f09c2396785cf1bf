"""The menu's tables. Only this service reads or writes them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Numeric,
    SmallInteger,
    Text,
    func,
    literal_column,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from menu.domain import (
    ACTIVITY_LIFECYCLE,
    EDITABLE_ACTIVITY,
    OCCURRENCE_LIFECYCLE,
    ActivityKind,
    ActivityLevel,
    ActivityStatus,
    OccurrenceStatus,
    ProviderKind,
)
from menu.mtep import (
    EXERCISE_LIFECYCLE,
    PARTICIPATION_LIFECYCLE,
    ExerciseStatus,
    ExerciseType,
    ParticipationKind,
    ParticipationStatus,
)
from menu.participation import NOMINATION_LIFECYCLE, NominationStatus
from menu.provider_rules import PROVIDER_LIFECYCLE, ProviderStatus
from shared.db import Entity, TransitionRecord, enum_column, service_metadata, utcnow
from shared.errors import Conflict
from shared.lifecycle import MovesThrough
from shared.readmodel import KnownPartnerColumns, OwnerStandingColumns
from shared.wps import WpsMarker


class Base(DeclarativeBase):
    metadata = service_metadata()


class AreaOfCooperation(Base):
    __tablename__ = "area_of_cooperation"

    code: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # False where the reference list marks the name as plausible rather than official.
    sourced: Mapped[bool] = mapped_column(default=True)


class Provider(Entity, MovesThrough[ProviderStatus], Base):
    """Who offers activities: a NATO body, a nation, a PTEC or a COE, known by its code (the id orders pages)."""

    __tablename__ = "provider"
    lifecycle = PROVIDER_LIFECYCLE

    code: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[ProviderKind] = mapped_column(enum_column(ProviderKind, "provider_kind_of_provider", 32))
    country: Mapped[str] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    accredited_since: Mapped[int | None] = mapped_column(SmallInteger)
    website: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ProviderStatus] = mapped_column(
        enum_column(ProviderStatus, "provider_status", 32), default=ProviderStatus.ACTIVE
    )

    __table_args__ = (
        Index("ix_provider_name_id", "name", "id"),
        Index("ix_provider_code_id", "code", "id"),
        Index("ix_provider_kind", "kind"),
        Index("ix_provider_country", "country"),
        Index("ix_provider_updated", "updated_at", "id"),
    )


class ProviderTransition(TransitionRecord, Base):
    """Every change of a provider's status: who, when, from what to what, and why."""

    __tablename__ = "provider_transition"

    provider_code: Mapped[str] = mapped_column(ForeignKey("provider.code"), index=True)
    from_status: Mapped[ProviderStatus | None] = mapped_column(enum_column(ProviderStatus, "provider_transition_from"))
    to_status: Mapped[ProviderStatus] = mapped_column(enum_column(ProviderStatus, "provider_transition_to"))
    reason: Mapped[str | None] = mapped_column(Text)


class Activity(Entity, MovesThrough[ActivityStatus], Base):
    __tablename__ = "activity"
    lifecycle = ACTIVITY_LIFECYCLE

    pcm_ref: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    area_code: Mapped[str] = mapped_column(ForeignKey("area_of_cooperation.code"), index=True)
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind, "activity_kind", 32), index=True)
    # The pcmRef's prefix; the provider's name and kind are copied here, kept by the provider's use cases, so
    # the activity's reads and events need no join.
    provider_code: Mapped[str] = mapped_column(ForeignKey("provider.code"), index=True)
    provider_kind: Mapped[ProviderKind] = mapped_column(enum_column(ProviderKind, "provider_kind", 32), index=True)
    provider_name: Mapped[str] = mapped_column(Text, index=True)
    wps_marker: Mapped[WpsMarker] = mapped_column(
        enum_column(WpsMarker, "activity_wps_marker", 16), default=WpsMarker.NOT_TARGETED
    )
    level: Mapped[ActivityLevel] = mapped_column(enum_column(ActivityLevel, "activity_level", 32))
    languages: Mapped[list[str]] = mapped_column(ARRAY(Text))
    fee_eur: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    contact_name: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(Text)
    frameworks: Mapped[list[str]] = mapped_column(ARRAY(Text))
    eligible_partners: Mapped[list[str]] = mapped_column(ARRAY(Text))
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text))
    status: Mapped[ActivityStatus] = mapped_column(
        enum_column(ActivityStatus, "activity_status", 32), default=ActivityStatus.DRAFT, index=True
    )
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    # The first start date of its occurrences still to happen, kept by the service for sorting.
    next_start_date: Mapped[date | None] = mapped_column(Date)
    search_vector: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(description, '')), 'B')",
            persisted=True,
        ),
        deferred=True,
    )

    __table_args__ = (
        Index("ix_activity_search", "search_vector", postgresql_using="gin"),
        Index("ix_activity_frameworks", "frameworks", postgresql_using="gin"),
        Index("ix_activity_languages", "languages", postgresql_using="gin"),
        Index("ix_activity_eligible_partners", "eligible_partners", postgresql_using="gin"),
        Index("ix_activity_tags", "tags", postgresql_using="gin"),
        Index("ix_activity_level", "level"),
        Index("ix_activity_wps_marker", "wps_marker"),
        # A search for a reference ("NSO.99") is a prefix match, whatever the database's collation.
        Index("ix_activity_pcm_ref_pattern", "pcm_ref", postgresql_ops={"pcm_ref": "text_pattern_ops"}),
        Index("ix_activity_title_id", "title", "id"),
        Index("ix_activity_pcm_ref_id", "pcm_ref", "id"),
    )

    def ensure_editable(self) -> None:
        if self.status not in EDITABLE_ACTIVITY:
            raise Conflict(f"a {self.status.value.lower()} activity cannot change", currentStatus=self.status.value)


class Occurrence(Entity, MovesThrough[OccurrenceStatus], Base):
    __tablename__ = "occurrence"
    lifecycle = OCCURRENCE_LIFECYCLE

    activity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("activity.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(Text)
    seats: Mapped[int]
    registration_deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[OccurrenceStatus] = mapped_column(
        enum_column(OccurrenceStatus, "occurrence_status", 32), default=OccurrenceStatus.PLANNED
    )
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    # At most this many seats for any one partner; None: no quota.
    quota_per_partner: Mapped[int | None]

    __table_args__ = (
        Index("ix_occurrence_activity_start", "activity_id", "start_date", "id"),
        Index("ix_occurrence_start", "start_date"),
    )


class Participant(Entity, Base):
    """A person a partner nominates: personal data, erased on request (the row stays, its values go)."""

    __tablename__ = "participant"

    partner_iso: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    rank_or_function: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[list[str]] = mapped_column(ARRAY(Text))
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        # One person, known by email, is one participant of a partner: nominating them again reuses it.
        Index(
            "ux_participant_partner_email",
            "partner_iso",
            "email",
            unique=True,
            postgresql_where=literal_column("email IS NOT NULL"),
        ),
    )


class Nomination(Entity, MovesThrough[NominationStatus], Base):
    __tablename__ = "nomination"
    lifecycle = NOMINATION_LIFECYCLE

    occurrence_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("occurrence.id"))
    # The occurrence's activity, kept here so a provider's and a partner's lists need no join to find it.
    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activity.id"), index=True)
    partner_iso: Mapped[str] = mapped_column(Text)
    participant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("participant.id"), index=True)
    status: Mapped[NominationStatus] = mapped_column(enum_column(NominationStatus, "nomination_status", 32))
    # Arrival order, taken while the occurrence is locked: the waitlist is served in this order.
    arrival: Mapped[int] = mapped_column(BigInteger, Identity(always=True))
    status_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        # Lists are in arrival order: an occurrence's (and its seats and waitlist), a partner's.
        Index("ix_nomination_occurrence_arrival", "occurrence_id", "arrival"),
        Index("ix_nomination_partner_arrival", "partner_iso", "arrival"),
        # A person holds one live nomination per occurrence; declined or withdrawn ones may be renewed.
        Index(
            "ux_nomination_occurrence_participant",
            "occurrence_id",
            "participant_id",
            unique=True,
            postgresql_where=literal_column("status NOT IN ('DECLINED', 'WITHDRAWN')"),
        ),
    )


class NominationTransition(TransitionRecord, Base):
    """Every change of a nomination's status: who, when, from what to what, and why (never personal data)."""

    __tablename__ = "nomination_transition"

    nomination_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("nomination.id"), index=True)
    from_status: Mapped[NominationStatus | None] = mapped_column(enum_column(NominationStatus, "transition_from"))
    to_status: Mapped[NominationStatus] = mapped_column(enum_column(NominationStatus, "transition_to"))
    reason: Mapped[str | None] = mapped_column(Text)


class Feedback(Base):
    """A participant's feedback report on the occurrence they attended: one per nomination."""

    __tablename__ = "nomination_feedback"

    nomination_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("nomination.id"), primary_key=True)
    occurrence_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("occurrence.id"), index=True)
    content: Mapped[int] = mapped_column(SmallInteger)
    delivery: Mapped[int] = mapped_column(SmallInteger)
    relevance: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class KnownPartner(KnownPartnerColumns, Base):
    """programmes' partner as the menu last heard of it (event-carried state)."""

    __tablename__ = "known_partner"


class CommitmentSource(OwnerStandingColumns, Base):
    """A programme (programmes) or a capacity request (capacity) whose commitments to menu activities the menu
    keeps, at the version their owner last published."""

    __tablename__ = "commitment_source"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    kind: Mapped[str] = mapped_column(Text)
    partner_iso: Mapped[str] = mapped_column(Text)
    version: Mapped[int]


class Commitment(Base):
    """A partner's open commitment to a menu activity, kept in another service: a programme's plan of it for a
    year, or a capacity measure linking it. The menu keeps them to tell the partner what its changes touch."""

    __tablename__ = "activity_commitment"

    source_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("commitment_source.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    activity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(Text)
    partner_iso: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None]


# Activities with nothing to come sort last by start date, and still page stably.
NEXT_START_OR_LAST = func.coalesce(Activity.next_start_date, literal_column("'9999-12-31'::date"))
Index("ix_activity_next_start_id", NEXT_START_OR_LAST, Activity.id)


class Exercise(Entity, MovesThrough[ExerciseStatus], Base):
    """An exercise of the Military Training and Exercise Programme."""

    __tablename__ = "exercise"
    lifecycle = EXERCISE_LIFECYCLE

    name: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(SmallInteger)
    type: Mapped[ExerciseType] = mapped_column(enum_column(ExerciseType, "exercise_type", 32))
    scenario: Mapped[str] = mapped_column(Text)
    lead_code: Mapped[str] = mapped_column(ForeignKey("provider.code"), index=True)
    nac_crisis_management: Mapped[bool] = mapped_column(default=False)
    open_to_partners: Mapped[bool] = mapped_column(default=True)
    invited_partners: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ExerciseStatus] = mapped_column(
        enum_column(ExerciseStatus, "exercise_status", 32), default=ExerciseStatus.PLANNED, index=True
    )

    __table_args__ = (
        Index("ix_exercise_year_id", "year", "id"),
        Index("ix_exercise_type", "type"),
        Index("ix_exercise_invited_partners", "invited_partners", postgresql_using="gin"),
        Index("ix_exercise_nac", "nac_crisis_management"),
        Index("ix_exercise_updated", "updated_at", "id"),
    )


class ExerciseTransition(TransitionRecord, Base):
    """Every change of an exercise's status: who, when, and why."""

    __tablename__ = "exercise_transition"

    exercise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exercise.id"), index=True)
    from_status: Mapped[ExerciseStatus | None] = mapped_column(enum_column(ExerciseStatus, "exercise_transition_from"))
    to_status: Mapped[ExerciseStatus] = mapped_column(enum_column(ExerciseStatus, "exercise_transition_to"))
    reason: Mapped[str | None] = mapped_column(Text)


class ExerciseParticipation(Entity, MovesThrough[ParticipationStatus], Base):
    """A partner's request to take part in an exercise, and the decision on it."""

    __tablename__ = "exercise_participation"
    lifecycle = PARTICIPATION_LIFECYCLE

    exercise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exercise.id"))
    # The exercise's lead, kept here so a provider's list of what it decides needs no join.
    lead_code: Mapped[str] = mapped_column(Text)
    partner_iso: Mapped[str] = mapped_column(Text)
    kind: Mapped[ParticipationKind] = mapped_column(enum_column(ParticipationKind, "participation_kind", 32))
    personnel: Mapped[int]
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ParticipationStatus] = mapped_column(
        enum_column(ParticipationStatus, "participation_status", 32), default=ParticipationStatus.REQUESTED
    )

    __table_args__ = (
        Index("ix_exercise_participation_exercise", "exercise_id", "created_at", "id"),
        Index("ix_exercise_participation_partner", "partner_iso", "created_at", "id"),
        Index("ix_exercise_participation_lead", "lead_code", "created_at", "id"),
        Index("ix_exercise_participation_created", "created_at", "id"),
        Index("ix_exercise_participation_status", "status"),
        Index("ix_exercise_participation_updated", "updated_at", "id"),
        # One request alive per partner and exercise: two racing requests cannot both succeed.
        Index(
            "uq_exercise_participation_live",
            "exercise_id",
            "partner_iso",
            unique=True,
            postgresql_where=literal_column("status IN ('REQUESTED', 'APPROVED')"),
        ),
    )


class ExerciseParticipationTransition(TransitionRecord, Base):
    """Every change of a participation request's status: who, when, and why."""

    __tablename__ = "exercise_participation_transition"

    participation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("exercise_participation.id"), index=True)
    from_status: Mapped[ParticipationStatus | None] = mapped_column(
        enum_column(ParticipationStatus, "participation_transition_from")
    )
    to_status: Mapped[ParticipationStatus] = mapped_column(
        enum_column(ParticipationStatus, "participation_transition_to")
    )
    reason: Mapped[str | None] = mapped_column(Text)
