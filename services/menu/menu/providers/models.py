"""The providers' tables."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, SmallInteger, Text
from sqlalchemy.orm import Mapped, mapped_column

from menu.base import Base
from menu.providers.rules import PROVIDER_LIFECYCLE, ProviderKind, ProviderStatus
from shared.db import Entity, TransitionRecord, enum_column
from shared.lifecycle import MovesThrough


class Provider(Entity, MovesThrough[ProviderStatus], Base):
    """Who offers activities: a NATO body, a nation, a PTEC or a COE, known by its code (the id orders pages)."""

    __tablename__ = "provider"
    lifecycle = PROVIDER_LIFECYCLE

    code: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[ProviderKind] = mapped_column(enum_column(ProviderKind, "provider_kind_of_provider", 32))
    country: Mapped[str] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    accredited_since: Mapped[int | None] = mapped_column(SmallInteger)
    website: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ProviderStatus] = mapped_column(
        enum_column(ProviderStatus, "provider_status", 32), default=ProviderStatus.ACTIVE
    )

    __table_args__ = (
        Index("ix_provider_name_id", "name", "id"),
        Index("ix_provider_code_id", "code", "id"),
        Index("ix_provider_kind", "kind"),
        Index("ix_provider_country", "country"),
        Index("ix_provider_updated", "updated_at", "id"),
    )


class ProviderTransition(TransitionRecord, Base):
    """Every change of a provider's status: who, when, from what to what, and why."""

    __tablename__ = "provider_transition"

    provider_code: Mapped[str] = mapped_column(ForeignKey("provider.code"), index=True)
    from_status: Mapped[ProviderStatus | None] = mapped_column(enum_column(ProviderStatus, "provider_transition_from"))
    to_status: Mapped[ProviderStatus] = mapped_column(enum_column(ProviderStatus, "provider_transition_to"))
    reason: Mapped[str | None] = mapped_column(Text)
