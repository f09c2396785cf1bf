"""The programmes service's tables. Only this service reads or writes them."""

from __future__ import annotations

from sqlalchemy import Enum, Index, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.db import Versioned, service_metadata
from shared.frameworks import Framework


class Base(DeclarativeBase):
    metadata = service_metadata()


class Partner(Versioned, Base):
    __tablename__ = "partner"

    iso: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    framework: Mapped[Framework] = mapped_column(
        Enum(Framework, name="framework", native_enum=False, length=8, create_constraint=True))
    suspended: Mapped[bool] = mapped_column(default=False)
    enhanced_opportunities: Mapped[bool] = mapped_column(default=False)
    ipap_since: Mapped[int | None]
    dcb: Mapped[bool] = mapped_column(default=False)
    deep: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (Index("ix_partner_framework_name", "framework", "name"),)
