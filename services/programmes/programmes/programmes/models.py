"""Programmes' tables, and its read models of menu activities and attendance (filled from menu's events)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, Text, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Mapped, mapped_column

from programmes.base import Base
from programmes.programmes.rules import (
    PLANNED_ACTIVITY_LIFECYCLE,
    PROGRAMME_LIFECYCLE,
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
)
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough
from shared.priority import Priority
from shared.readmodel import AttendanceColumns, OwnerStandingColumns
from shared.wps import WpsMarker


class Programme(Entity, MovesThrough[ProgrammeStatus], Base):
    __tablename__ = "programme"
    lifecycle = PROGRAMME_LIFECYCLE

    partner_iso: Mapped[str] = mapped_column(ForeignKey("partner.iso"))
    type: Mapped[ProgrammeType] = mapped_column(enum_column(ProgrammeType, "programme_type"))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(Integer, doc="the edition of this partner's programme of this type")
    status: Mapped[ProgrammeStatus] = mapped_column(enum_column(ProgrammeStatus, "programme_status"))

    __table_args__ = (
        UniqueConstraint("partner_iso", "type", "revision", name="uq_programme_partner_type_revision"),
        Index("ix_programme_partner_start", "partner_iso", "period_start", "id"),
        Index("ix_programme_start", "period_start", "id"),
        Index("ix_programme_type", "type"),
        Index("ix_programme_status", "status"),
        Index("ix_programme_period_end", "period_end"),
        Index("ix_programme_updated", "updated_at", "id"),
        # One edition of a tool in preparation per partner: two racing creations cannot both succeed.
        Index(
            "uq_programme_in_preparation",
            "partner_iso",
            "type",
            unique=True,
            postgresql_where=text("status IN ('DRAFT', 'SUBMITTED', 'IN_NEGOTIATION') AND type <> 'OTHER'"),
        ),
    )


class ProgrammeTransition(TransitionRecord, Base):
    """Every change of a programme's status: who, when, from what to what, and why."""

    __tablename__ = "programme_transition"

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"), index=True)
    from_status: Mapped[ProgrammeStatus | None] = mapped_column(enum_column(ProgrammeStatus, "transition_from"))
    to_status: Mapped[ProgrammeStatus] = mapped_column(enum_column(ProgrammeStatus, "transition_to"))
    note: Mapped[str | None] = mapped_column(Text)


class Objective(Entity, Base):
    __tablename__ = "objective"

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("objective.id"))
    category: Mapped[ObjectiveCategory] = mapped_column(enum_column(ObjectiveCategory, "objective_category"))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    wps_marker: Mapped[WpsMarker] = mapped_column(
        enum_column(WpsMarker, "objective_wps_marker", 16), default=WpsMarker.NOT_TARGETED
    )


class PlannedActivity(Entity, MovesThrough[PlannedActivityStatus], Base):
    __tablename__ = "planned_activity"
    lifecycle = PLANNED_ACTIVITY_LIFECYCLE

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"), index=True)
    activity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    objective_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("objective.id"))
    year: Mapped[int]
    priority: Mapped[Priority] = mapped_column(enum_column(Priority, "priority"))
    status: Mapped[PlannedActivityStatus] = mapped_column(enum_column(PlannedActivityStatus, "planned_activity_status"))
    flag_reason: Mapped[str | None] = mapped_column(Text)
    # The menu occurrence the partner's participants attended, which made the line DONE.
    occurrence_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))

    __table_args__ = (Index("ix_planned_activity_activity_year", "activity_id", "year"),)


class PlannedActivityTransition(TransitionRecord, Base):
    """Every change of a planned activity's status: who, when, from what to what, and why."""

    __tablename__ = "planned_activity_transition"

    planned_activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("planned_activity.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[PlannedActivityStatus | None] = mapped_column(
        enum_column(PlannedActivityStatus, "transition_from")
    )
    to_status: Mapped[PlannedActivityStatus] = mapped_column(enum_column(PlannedActivityStatus, "transition_to"))
    note: Mapped[str | None] = mapped_column(Text)


class PartnershipGoal(Entity, Base):
    __tablename__ = "partnership_goal"

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"), index=True)
    code: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    due_date: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("programme_id", "code", name="uq_partnership_goal_programme_code"),)


class Assessment(Entity, Base):
    __tablename__ = "assessment"

    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partnership_goal.id"), index=True)
    cycle: Mapped[str] = mapped_column(Text)
    rating: Mapped[AssessmentRating] = mapped_column(enum_column(AssessmentRating, "assessment_rating"))
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("goal_id", "cycle", name="uq_assessment_goal_cycle"),)


class OccEvaluation(Entity, Base):
    __tablename__ = "occ_evaluation"

    programme_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("programme.id"), index=True)
    unit: Mapped[str] = mapped_column(Text)
    level: Mapped[OccLevel] = mapped_column(enum_column(OccLevel, "occ_level"))
    result: Mapped[OccResult] = mapped_column(enum_column(OccResult, "occ_result"))
    evaluated_on: Mapped[date] = mapped_column(Date)
    remarks: Mapped[str | None] = mapped_column(Text)


class Attendance(AttendanceColumns, Base):
    """Who attended menu occurrences, as programmes heard it (makes planned activities DONE)."""

    __tablename__ = "attendance"
    __table_args__ = (
        Index("ix_attendance_partner_activity_start", "partner_iso", "activity_id", "occurrence_start_date"),
    )


class KnownActivity(OwnerStandingColumns, Base):
    """A menu activity as programmes last heard of it (event-carried state)."""

    __tablename__ = "known_activity"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    pcm_ref: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    frameworks: Mapped[list[str]] = mapped_column(ARRAY(Text))
    eligible_partners: Mapped[list[str]] = mapped_column(ARRAY(Text))
    wps_marker: Mapped[str] = mapped_column(Text, default="NOT_TARGETED")
    version: Mapped[int] = mapped_column(doc="the activity's version in menu")
