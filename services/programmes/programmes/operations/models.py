"""The tables of partners' contributions to NATO-led operations and their histories."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from programmes.base import Base
from programmes.operations.rules import CONTRIBUTION_LIFECYCLE, ContributionKind, ContributionStatus, Operation
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


class OperationalContribution(Entity, MovesThrough[ContributionStatus], Base):
    """A partner's contribution to a NATO-led operation."""

    __tablename__ = "operational_contribution"
    lifecycle = CONTRIBUTION_LIFECYCLE

    partner_iso: Mapped[str] = mapped_column(ForeignKey("partner.iso"))
    operation: Mapped[Operation] = mapped_column(enum_column(Operation, "operation", 16))
    kind: Mapped[ContributionKind] = mapped_column(enum_column(ContributionKind, "contribution_kind", 24))
    size: Mapped[int]
    description: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ContributionStatus] = mapped_column(enum_column(ContributionStatus, "contribution_status", 16))

    __table_args__ = (
        Index("ix_operational_contribution_partner_start", "partner_iso", "period_start", "id"),
        Index("ix_operational_contribution_start", "period_start", "id"),
        Index("ix_operational_contribution_operation", "operation"),
        Index("ix_operational_contribution_status", "status"),
        Index("ix_operational_contribution_kind", "kind"),
        Index("ix_operational_contribution_updated", "updated_at", "id"),
    )


class OperationalContributionTransition(TransitionRecord, Base):
    """Every change of a contribution's status: who, when, and why."""

    __tablename__ = "operational_contribution_transition"

    contribution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("operational_contribution.id"), index=True)
    from_status: Mapped[ContributionStatus | None] = mapped_column(enum_column(ContributionStatus, "transition_from"))
    to_status: Mapped[ContributionStatus] = mapped_column(enum_column(ContributionStatus, "transition_to"))
    note: Mapped[str | None] = mapped_column(Text)
