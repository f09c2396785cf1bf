"""The capacity service's tables, and its read model of partners (filled from programmes' events)."""

from __future__ import annotations

from sqlalchemy import Enum, Index, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from capacity.domain import RequestStatus, SupportArea
from shared.db import Entity, service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()


class KnownPartner(Base):
    """programmes' partner as capacity last heard of it (event-carried state)."""

    __tablename__ = "known_partner"

    iso: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    framework: Mapped[str] = mapped_column(Text)
    suspended: Mapped[bool]
    version: Mapped[int] = mapped_column(doc="the partner's version in programmes")


class CapacityRequest(Entity, Base):
    __tablename__ = "capacity_request"

    partner_iso: Mapped[str] = mapped_column(Text)
    areas: Mapped[list[SupportArea]] = mapped_column(ARRAY(Text))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    justification: Mapped[str | None] = mapped_column(Text)
    status: Mapped[RequestStatus] = mapped_column(
        Enum(RequestStatus, name="request_status", native_enum=False, length=32, create_constraint=True),
        default=RequestStatus.SUBMITTED)
    on_hold: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (
        Index("ix_capacity_request_partner_created", "partner_iso", "created_at", "id"),
        Index("ix_capacity_request_status_created", "status", "created_at", "id"),
        Index("ix_capacity_request_created", "created_at", "id"),
    )
