"""The tables of requests for support and their packages, and capacity's read models of the menu's activities and
attendance (from events), which measures link and show."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Enum, ForeignKey, Index, Numeric, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Mapped, mapped_column

from capacity.base import Base
from capacity.requests.rules import ContributionKind, RagStatus, Recommendation, RequestStatus, SupportArea
from shared.db import Entity, TransitionRecord, enum_column
from shared.priority import Priority
from shared.readmodel import AttendanceColumns, OwnerStandingColumns


class KnownActivity(OwnerStandingColumns, Base):
    """A menu activity as capacity last heard of it."""

    __tablename__ = "known_activity"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    pcm_ref: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    version: Mapped[int]


class Attendance(AttendanceColumns, Base):
    """Who attended menu occurrences, as capacity heard it (shown on the measures that link the activity)."""

    __tablename__ = "attendance"
    __table_args__ = (
        Index("ix_attendance_partner_activity_start", "partner_iso", "activity_id", "occurrence_start_date"),
    )


class CapacityRequest(Entity, Base):
    __tablename__ = "capacity_request"

    partner_iso: Mapped[str] = mapped_column(Text)
    areas: Mapped[list[str]] = mapped_column(ARRAY(Text), doc="SupportArea values")
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    justification: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[Priority] = mapped_column(enum_column(Priority, "request_priority"), default=Priority.MEDIUM)
    status: Mapped[RequestStatus] = mapped_column(
        Enum(RequestStatus, name="request_status", native_enum=False, length=32, create_constraint=True),
        default=RequestStatus.SUBMITTED,
    )
    on_hold: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        Index("ix_capacity_request_partner_created", "partner_iso", "created_at", "id"),
        Index("ix_capacity_request_status_created", "status", "created_at", "id"),
        Index("ix_capacity_request_created", "created_at", "id"),
        Index("ix_capacity_request_updated", "updated_at", "id"),
        Index("ix_capacity_request_areas", "areas", postgresql_using="gin"),
        Index("ix_capacity_request_on_hold", "on_hold", postgresql_where="on_hold"),
    )


class RequestTransition(TransitionRecord, Base):
    """Every change of a request's status: who, when, from what to what, and why."""

    __tablename__ = "request_transition"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("capacity_request.id"), index=True)
    from_status: Mapped[RequestStatus | None] = mapped_column(enum_column(RequestStatus, "request_transition_from"))
    to_status: Mapped[RequestStatus] = mapped_column(enum_column(RequestStatus, "request_transition_to"))
    reason: Mapped[str | None] = mapped_column(Text)


class RequestAssessment(Entity, Base):
    __tablename__ = "request_assessment"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("capacity_request.id"), index=True)
    findings: Mapped[str] = mapped_column(Text)
    recommendation: Mapped[Recommendation] = mapped_column(enum_column(Recommendation, "recommendation"))
    assessor: Mapped[str] = mapped_column(Text)


class Package(Entity, Base):
    __tablename__ = "package"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("capacity_request.id"), unique=True)
    summary: Mapped[str] = mapped_column(Text)
    approved_on: Mapped[date | None] = mapped_column(Date)
    review_date: Mapped[date | None] = mapped_column(Date)


class Measure(Entity, Base):
    __tablename__ = "measure"

    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("package.id"), index=True)
    area: Mapped[SupportArea] = mapped_column(enum_column(SupportArea, "measure_area"))
    title: Mapped[str] = mapped_column(Text)
    lead_nation: Mapped[str] = mapped_column(Text)
    contributing_nations: Mapped[list[str]] = mapped_column(ARRAY(Text))
    activity_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)))
    # Set when the menu withdraws a linked activity; cleared when the measure no longer links one.
    flag_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_measure_activity_ids", "activity_ids", postgresql_using="gin"),)


class Contribution(Entity, Base):
    __tablename__ = "contribution"

    measure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measure.id"), index=True)
    nation: Mapped[str] = mapped_column(Text)
    kind: Mapped[ContributionKind] = mapped_column(enum_column(ContributionKind, "contribution_kind"))
    quantity: Mapped[int | None]
    amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    currency: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class ProgressReport(Entity, Base):
    __tablename__ = "progress_report"

    package_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("package.id"), index=True)
    period: Mapped[str] = mapped_column(Text)
    status: Mapped[RagStatus] = mapped_column(enum_column(RagStatus, "rag_status"))
    narrative: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("package_id", "period", name="uq_progress_report_package_period"),)
