"""The tables of Trust Fund projects: the project, its phases, pledges and payments, reports, steps."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from capacity.base import Base
from capacity.trust_funds.rules import PROJECT_LIFECYCLE, ProjectKind, ProjectStatus
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


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
