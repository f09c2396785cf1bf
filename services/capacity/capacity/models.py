"""The capacity service's tables, and its read models of partners and menu activities (from events)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Enum, ForeignKey, Index, Numeric, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from capacity.domain import (
    ContributionKind,
    RagStatus,
    Recommendation,
    RequestStatus,
    SupportArea,
)
from capacity.eadrcc_rules import (
    ASSISTANCE_LIFECYCLE,
    OFFER_LIFECYCLE,
    AssistanceStatus,
    DisasterType,
    OfferStatus,
)
from capacity.sps_rules import SPS_LIFECYCLE, KeyPriority, SpsKind, SpsStatus
from capacity.trust_fund_rules import PROJECT_LIFECYCLE, ProjectKind, ProjectStatus
from shared.db import Entity, TransitionRecord, enum_column, service_metadata
from shared.lifecycle import MovesThrough
from shared.priority import Priority
from shared.readmodel import AttendanceColumns, KnownPartnerColumns, OwnerStandingColumns


class Base(DeclarativeBase):
    metadata = service_metadata()


class KnownPartner(KnownPartnerColumns, Base):
    """programmes' partner as capacity last heard of it (event-carried state)."""

    __tablename__ = "known_partner"


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


class AssistanceRequest(Entity, MovesThrough[AssistanceStatus], Base):
    """A stricken country's request for assistance through the EADRCC: one aggregate with its needs, the offers
    against them and its situation reports."""

    __tablename__ = "assistance_request"
    lifecycle = ASSISTANCE_LIFECYCLE

    stricken_country: Mapped[str] = mapped_column(Text)
    disaster_type: Mapped[DisasterType] = mapped_column(enum_column(DisasterType, "disaster_type", 24))
    title: Mapped[str] = mapped_column(Text)
    situation: Mapped[str] = mapped_column(Text)
    status: Mapped[AssistanceStatus] = mapped_column(enum_column(AssistanceStatus, "assistance_status", 16))
    closing_note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_assistance_request_created", "created_at", "id"),
        Index("ix_assistance_request_country", "stricken_country", "created_at", "id"),
        Index("ix_assistance_request_status", "status"),
        Index("ix_assistance_request_disaster", "disaster_type"),
        Index("ix_assistance_request_updated", "updated_at", "id"),
    )


class AssistanceNeed(Entity, Base):
    __tablename__ = "assistance_need"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_request.id"), index=True)
    item: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    unit: Mapped[str] = mapped_column(Text)


class AssistanceOffer(Entity, MovesThrough[OfferStatus], Base):
    __tablename__ = "assistance_offer"
    lifecycle = OFFER_LIFECYCLE
    bumps = False  # its request, the aggregate root, is bumped

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_request.id"), index=True)
    need_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_need.id"), index=True)
    nation: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[OfferStatus] = mapped_column(enum_column(OfferStatus, "offer_status", 16))

    __table_args__ = (Index("ix_assistance_offer_nation", "nation"),)


class SituationReport(Entity, Base):
    __tablename__ = "situation_report"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_request.id"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("request_id", "number", name="uq_situation_report_request_number"),)


class AssistanceTransition(TransitionRecord, Base):
    """Every step of a request for assistance and of its offers: who, when, and why."""

    __tablename__ = "assistance_transition"

    request_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assistance_request.id"), index=True)
    offer_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), doc="the offer's step; null: the request's")
    from_status: Mapped[str | None] = mapped_column(Text)
    to_status: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)


class TrustFundProject(Entity, MovesThrough[ProjectStatus], Base):
    """A Trust Fund project in a partner country: one aggregate with its phases, pledges, payments and reports."""

    __tablename__ = "trust_fund_project"
    lifecycle = PROJECT_LIFECYCLE

    beneficiary_iso: Mapped[str] = mapped_column(Text)
    kind: Mapped[ProjectKind] = mapped_column(enum_column(ProjectKind, "project_kind", 32))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    lead_nations: Mapped[list[str]] = mapped_column(ARRAY(Text))
    status: Mapped[ProjectStatus] = mapped_column(enum_column(ProjectStatus, "project_status", 16))

    __table_args__ = (
        Index("ix_trust_fund_project_created", "created_at", "id"),
        Index("ix_trust_fund_project_beneficiary", "beneficiary_iso", "created_at", "id"),
        Index("ix_trust_fund_project_status", "status"),
        Index("ix_trust_fund_project_kind", "kind"),
        Index("ix_trust_fund_project_updated", "updated_at", "id"),
    )


class TrustFundPhase(Entity, Base):
    __tablename__ = "trust_fund_phase"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("trust_fund_project.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    budget_eur: Mapped[Decimal] = mapped_column(Numeric(16, 2))


class TrustFundPledge(Entity, Base):
    """A nation's pledge, or (`payment`) a payment against its pledges."""

    __tablename__ = "trust_fund_money"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("trust_fund_project.id"), index=True)
    nation: Mapped[str] = mapped_column(Text)
    amount_eur: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    payment: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (Index("ix_trust_fund_money_nation", "nation"),)


class TrustFundReport(Entity, Base):
    __tablename__ = "trust_fund_report"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("trust_fund_project.id"), index=True)
    period: Mapped[str] = mapped_column(Text)
    narrative: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("project_id", "period", name="uq_trust_fund_report_period"),)


class TrustFundTransition(TransitionRecord, Base):
    __tablename__ = "trust_fund_transition"

    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("trust_fund_project.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(Text)
    to_status: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)


class SpsApplication(Entity, MovesThrough[SpsStatus], Base):
    """An SPS grant application: one aggregate with its reports. The co-directors are named people."""

    __tablename__ = "sps_application"
    lifecycle = SPS_LIFECYCLE

    kind: Mapped[SpsKind] = mapped_column(enum_column(SpsKind, "sps_kind", 32))
    key_priority: Mapped[KeyPriority] = mapped_column(enum_column(KeyPriority, "key_priority", 32))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    nato_country: Mapped[str] = mapped_column(Text)
    nato_co_director: Mapped[str] = mapped_column(Text)
    partner_country: Mapped[str] = mapped_column(Text)
    partner_co_director: Mapped[str] = mapped_column(Text)
    budget_eur: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    panel_outcome: Mapped[str | None] = mapped_column(Text)
    grant_eur: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    status: Mapped[SpsStatus] = mapped_column(enum_column(SpsStatus, "sps_status", 16))

    __table_args__ = (
        Index("ix_sps_application_created", "created_at", "id"),
        Index("ix_sps_application_partner", "partner_country", "created_at", "id"),
        Index("ix_sps_application_nato", "nato_country"),
        Index("ix_sps_application_status", "status"),
        Index("ix_sps_application_priority", "key_priority"),
        Index("ix_sps_application_updated", "updated_at", "id"),
    )


class SpsReport(Entity, Base):
    __tablename__ = "sps_report"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sps_application.id"), index=True)
    period: Mapped[str] = mapped_column(Text)
    narrative: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("application_id", "period", name="uq_sps_report_period"),)


class SpsTransition(TransitionRecord, Base):
    __tablename__ = "sps_transition"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sps_application.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(Text)
    to_status: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
