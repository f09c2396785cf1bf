"""The tables of requests for disaster assistance: the request, its needs, the offers, situation reports, steps."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from capacity.assistance.rules import ASSISTANCE_LIFECYCLE, OFFER_LIFECYCLE, AssistanceStatus, DisasterType, OfferStatus
from capacity.base import Base
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


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
