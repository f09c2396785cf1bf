"""The partner table: a partner country, its framework, flags, tools and Platform membership."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Enum, Index, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from programmes.base import Base
from shared.db import Versioned
from shared.frameworks import Framework


class Partner(Versioned, Base):
    __tablename__ = "partner"

    iso: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    framework: Mapped[Framework] = mapped_column(
        Enum(Framework, name="framework", native_enum=False, length=8, create_constraint=True)
    )
    suspended: Mapped[bool] = mapped_column(default=False)
    enhanced_opportunities: Mapped[bool] = mapped_column(default=False)
    interoperability_platform: Mapped[bool] = mapped_column(default=False)
    ipap_since: Mapped[int | None]
    dcb: Mapped[bool] = mapped_column(default=False)
    deep: Mapped[bool] = mapped_column(default=False)
    tools: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    suspension_reason: Mapped[str | None] = mapped_column(Text)
    # Its latest period in the Interoperability Platform (earlier ones are in its history).
    platform_joined_on: Mapped[date | None] = mapped_column(Date)
    platform_left_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_partner_framework_name", "framework", "name"),
        Index("ix_partner_platform", "interoperability_platform"),
    )
