"""The participation's tables: participants, their nominations and the nominations' history and feedback."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Identity, Index, SmallInteger, Text, literal_column
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from menu.base import Base
from menu.participation.rules import NOMINATION_LIFECYCLE, NominationStatus
from shared.db import Entity, TransitionRecord, enum_column, utcnow
from shared.lifecycle import MovesThrough


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
