"""The commitments' tables: where each commitment comes from, at which version, and the commitments themselves."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from menu.base import Base
from shared.readmodel import OwnerStandingColumns


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
