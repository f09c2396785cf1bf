"""The exercise programme's tables: exercises, partners' requests to take part, and the history of both."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, SmallInteger, Text, literal_column
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from menu.base import Base
from menu.exercises.rules import (
    EXERCISE_LIFECYCLE,
    PARTICIPATION_LIFECYCLE,
    ExerciseStatus,
    ExerciseType,
    ParticipationKind,
    ParticipationStatus,
)
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


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
