"""The tables of SPS grant applications: the application, its reports, its steps."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from capacity.base import Base
from capacity.sps.rules import SPS_LIFECYCLE, KeyPriority, SpsKind, SpsStatus
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


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
