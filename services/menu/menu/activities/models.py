"""The activities' tables: areas of cooperation, activities and their occurrences."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Computed, Date, ForeignKey, Index, Numeric, Text, func, literal_column
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR, UUID
from sqlalchemy.orm import Mapped, mapped_column

from menu.activities.rules import (
    ACTIVITY_LIFECYCLE,
    EDITABLE_ACTIVITY,
    OCCURRENCE_LIFECYCLE,
    ActivityKind,
    ActivityLevel,
    ActivityStatus,
    OccurrenceStatus,
)
from menu.base import Base
from menu.providers.rules import ProviderKind
from shared.db import Entity, enum_column
from shared.errors import Conflict
from shared.lifecycle import MovesThrough
from shared.wps import WpsMarker


class AreaOfCooperation(Base):
    __tablename__ = "area_of_cooperation"

    code: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # False where the reference list marks the name as plausible rather than official.
    sourced: Mapped[bool] = mapped_column(default=True)


class Activity(Entity, MovesThrough[ActivityStatus], Base):
    __tablename__ = "activity"
    lifecycle = ACTIVITY_LIFECYCLE

    pcm_ref: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    area_code: Mapped[str] = mapped_column(ForeignKey("area_of_cooperation.code"), index=True)
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind, "activity_kind", 32), index=True)
    # The pcmRef's prefix; the provider's name and kind are copied here, kept by the provider's use cases, so
    # the activity's reads and events need no join.
    provider_code: Mapped[str] = mapped_column(ForeignKey("provider.code"), index=True)
    provider_kind: Mapped[ProviderKind] = mapped_column(enum_column(ProviderKind, "provider_kind", 32), index=True)
    provider_name: Mapped[str] = mapped_column(Text, index=True)
    wps_marker: Mapped[WpsMarker] = mapped_column(
        enum_column(WpsMarker, "activity_wps_marker", 16), default=WpsMarker.NOT_TARGETED
    )
    level: Mapped[ActivityLevel] = mapped_column(enum_column(ActivityLevel, "activity_level", 32))
    languages: Mapped[list[str]] = mapped_column(ARRAY(Text))
    fee_eur: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    contact_name: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(Text)
    frameworks: Mapped[list[str]] = mapped_column(ARRAY(Text))
    eligible_partners: Mapped[list[str]] = mapped_column(ARRAY(Text))
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text))
    status: Mapped[ActivityStatus] = mapped_column(
        enum_column(ActivityStatus, "activity_status", 32), default=ActivityStatus.DRAFT, index=True
    )
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    # The first start date of its occurrences still to happen, kept by the service for sorting.
    next_start_date: Mapped[date | None] = mapped_column(Date)
    search_vector: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed(
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', coalesce(description, '')), 'B')",
            persisted=True,
        ),
        deferred=True,
    )

    __table_args__ = (
        Index("ix_activity_search", "search_vector", postgresql_using="gin"),
        Index("ix_activity_frameworks", "frameworks", postgresql_using="gin"),
        Index("ix_activity_languages", "languages", postgresql_using="gin"),
        Index("ix_activity_eligible_partners", "eligible_partners", postgresql_using="gin"),
        Index("ix_activity_tags", "tags", postgresql_using="gin"),
        Index("ix_activity_level", "level"),
        Index("ix_activity_wps_marker", "wps_marker"),
        # A search for a reference ("NSO.99") is a prefix match, whatever the database's collation.
        Index("ix_activity_pcm_ref_pattern", "pcm_ref", postgresql_ops={"pcm_ref": "text_pattern_ops"}),
        Index("ix_activity_title_id", "title", "id"),
        Index("ix_activity_pcm_ref_id", "pcm_ref", "id"),
    )

    def ensure_editable(self) -> None:
        if self.status not in EDITABLE_ACTIVITY:
            raise Conflict(f"a {self.status.value.lower()} activity cannot change", currentStatus=self.status.value)


class Occurrence(Entity, MovesThrough[OccurrenceStatus], Base):
    __tablename__ = "occurrence"
    lifecycle = OCCURRENCE_LIFECYCLE

    activity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), ForeignKey("activity.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    location: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(Text)
    seats: Mapped[int]
    registration_deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[OccurrenceStatus] = mapped_column(
        enum_column(OccurrenceStatus, "occurrence_status", 32), default=OccurrenceStatus.PLANNED
    )
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    # At most this many seats for any one partner; None: no quota.
    quota_per_partner: Mapped[int | None]

    __table_args__ = (
        Index("ix_occurrence_activity_start", "activity_id", "start_date", "id"),
        Index("ix_occurrence_start", "start_date"),
    )


# Activities with nothing to come sort last by start date, and still page stably.
NEXT_START_OR_LAST = func.coalesce(Activity.next_start_date, literal_column("'9999-12-31'::date"))
Index("ix_activity_next_start_id", NEXT_START_OR_LAST, Activity.id)
