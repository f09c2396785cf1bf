"""Read models: a service's own copy of another's aggregates, kept from their events.

The one rule every copy follows: an older version never overwrites a newer one, so events
that arrive late, twice or out of order leave the copy as the newest state it has seen; but the
owner's word comes first: a state of a later owner epoch (a restored owner), or an authoritative
state (the owner's answer to a copy that missed versions), is taken whatever version is held.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Text, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY, UUID, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from shared.db import any_of
from shared.events.envelope import STATE, CloudEvent
from shared.metrics import READ_MODEL_GAPS
from shared.partners import PartnerStanding

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Standing:
    """Where a state stands in its owner's history: the owner's epoch and the time it told the state, and whether
    it is authoritative (the owner's answer to a heal request, shared.events.heal)."""

    epoch: int
    time: datetime | None
    authoritative: bool = False

    @classmethod
    def of(cls, event: CloudEvent) -> Standing:
        return cls(event.owner_epoch or 1, event.time, event.type.rpartition(".")[2] == STATE)


class OwnerStandingColumns:
    """The owner's epoch and time of the state a copy's row holds (with its version): every versioned copy has
    them (shared.migrations.add_owner_standing)."""

    owner_epoch: Mapped[int] = mapped_column(server_default="1", doc="the owner's epoch of the state held")
    owner_time: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), doc="when the owner told the state held"
    )


# Where a consumer finds the version gaps its handler's copies noticed in this transaction (Session.info is
# SQLAlchemy's place for a session's own data): it asks their owners for their state (shared.events.heal).
VERSION_GAPS = "version_gaps"


def takes(held_epoch: Any, held_version: Any, held_time: Any, incoming: Standing, version: Any) -> Any:
    """Whether a copy takes an incoming state over the one it holds, as one rule for Python values and SQL
    columns alike: a later epoch always (the owner was restored); an earlier one never; in the same epoch, an
    authoritative state told no earlier than the one held (whatever its version: a forged or stray jump is
    undone), and any other state with a newer version."""
    same_epoch = held_epoch == incoming.epoch
    if incoming.authoritative:
        no_earlier = (
            held_time.is_(None) | (held_time <= incoming.time)
            if _is_sql(held_time)
            else (held_time is None or (incoming.time is not None and held_time <= incoming.time))
        )
        newer = no_earlier
    else:
        newer = held_version < version
    if _is_sql(held_epoch):
        return (held_epoch < incoming.epoch) | (same_epoch & newer)
    return held_epoch < incoming.epoch or (same_epoch and newer)


def _is_sql(value: Any) -> bool:
    return isinstance(value, ColumnElement) or hasattr(value, "__clause_element__")


async def upsert_if_newer(
    session: AsyncSession, model: type[Any], key: str, values: dict[str, Any], standing: Standing
) -> bool:
    """Insert or update the row of `values[key]` unless what it holds stands ahead of `standing` (`takes`).

    Returns True when the state was applied. A version that skips some (events lost on the way, or a forged
    jump) is a gap: the state is applied all the same (events carry whole states), the gap is counted, and it is
    noted in `session.info[VERSION_GAPS]` for the consumer to ask the owner for its state."""
    values = {**values, "owner_epoch": standing.epoch, "owner_time": standing.time}
    held = select(model.version, model.owner_epoch).where(getattr(model, key) == values[key]).cte("held")
    statement = insert(model).values(values)
    result = await session.execute(
        statement.on_conflict_do_update(
            index_elements=[getattr(model, key)],
            set_={name: statement.excluded[name] for name in values if name != key},
            where=takes(model.owner_epoch, model.version, model.owner_time, standing, statement.excluded.version),
        )
        .returning(
            getattr(model, key), select(held.c.version).scalar_subquery(), select(held.c.owner_epoch).scalar_subquery()
        )
        .add_cte(held)
    )
    row = result.first()
    if row is None:
        return False
    held_version, held_epoch = row[1], row[2]
    if (
        held_version is not None
        and held_epoch == standing.epoch
        and not standing.authoritative
        and values["version"] > held_version + 1
    ):
        READ_MODEL_GAPS.labels(model.__tablename__).inc()
        log.info(
            "%s %s went from version %d to %d: the versions between never arrived; asking the owner",
            model.__tablename__,
            values[key],
            held_version,
            values["version"],
        )
        session.info.setdefault(VERSION_GAPS, []).append((held_version, values["version"]))
    return True


class KnownPartnerColumns(OwnerStandingColumns):
    """A partner as programmes last published it: the copy menu and capacity each keep
    (each service declares its own `known_partner` table with these columns)."""

    iso: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    framework: Mapped[str] = mapped_column(Text)
    suspended: Mapped[bool]
    version: Mapped[int] = mapped_column(doc="the partner's version in programmes")


class PartnerReadModel:
    """A service's copy of programmes' partners, kept from programmes.partner.v1."""

    def __init__(self, session: AsyncSession, model: type[KnownPartnerColumns]) -> None:
        self.session = session
        self.model = model

    async def standing(self, iso: str) -> PartnerStanding | None:
        row = await self.session.get(self.model, iso)
        return PartnerStanding(row.iso, row.framework, row.suspended) if row else None

    async def unknown(self, isos: Sequence[str]) -> list[str]:
        """Those of `isos` no partner event has named."""
        if not isos:
            return []
        known = set((await self.session.scalars(select(self.model.iso).where(any_of(self.model.iso, isos)))).all())
        return [iso for iso in isos if iso not in known]

    async def apply(self, state: dict[str, Any], standing: Standing) -> bool:
        """Upsert a partner's state; an older version never overwrites a newer one. True if applied."""
        values = {
            "iso": state["iso"],
            "name": state["name"],
            "framework": state["framework"],
            "suspended": state["suspended"],
            "version": state["version"],
        }
        return await upsert_if_newer(self.session, self.model, "iso", values, standing)

    async def all(self) -> Sequence[KnownPartnerColumns]:
        return (await self.session.scalars(select(self.model).order_by(self.model.iso))).all()


class AttendanceColumns:
    """A nomination whose participant attended a menu occurrence, as menu.nomination.v1 told it: the copy
    programmes and capacity each keep (each declares its own `attendance` table with these columns)."""

    nomination_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    partner_iso: Mapped[str] = mapped_column(Text)
    activity_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    occurrence_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    occurrence_start_date: Mapped[date] = mapped_column(Date)


@dataclass(frozen=True)
class Attended:
    """Participants of a partner at one occurrence of an activity."""

    partner_iso: str
    activity_id: uuid.UUID
    occurrence_id: uuid.UUID
    start_date: date
    participants: int = 1


class AttendanceReadModel:
    """A service's copy of who attended what, kept from menu.nomination.v1. Attendance is final (ATTENDED
    is a nomination's last status), so a copy only ever grows, and a repeated event changes nothing."""

    def __init__(self, session: AsyncSession, model: type[AttendanceColumns]) -> None:
        self.session = session
        self.model = model

    async def apply(self, state: dict[str, Any]) -> Attended | None:
        """Record a nomination that ATTENDED; None for any other status, or one already recorded (its effects
        were applied with it: a snapshot or a repeat of it changes nothing)."""
        if state.get("status") != "ATTENDED":
            return None
        attended = Attended(
            state["partnerIso"],
            uuid.UUID(state["activityId"]),
            uuid.UUID(state["occurrenceId"]),
            date.fromisoformat(state["occurrenceStartDate"]),
        )
        recorded = await self.session.scalar(
            insert(self.model)
            .values(
                nomination_id=uuid.UUID(state["id"]),
                partner_iso=attended.partner_iso,
                activity_id=attended.activity_id,
                occurrence_id=attended.occurrence_id,
                occurrence_start_date=attended.start_date,
            )
            .on_conflict_do_nothing()
            .returning(self.model.nomination_id)
        )
        return attended if recorded is not None else None

    async def occurrence_attended(self, partner_iso: str, activity_id: uuid.UUID, year: int) -> uuid.UUID | None:
        """The earliest occurrence of the activity starting in `year` that the partner's participants attended."""
        model = self.model
        return await self.session.scalar(
            select(model.occurrence_id)
            .where(
                model.partner_iso == partner_iso,
                model.activity_id == activity_id,
                model.occurrence_start_date.between(date(year, 1, 1), date(year, 12, 31)),
            )
            .order_by(model.occurrence_start_date, model.occurrence_id)
            .limit(1)
        )

    async def attended_between(self, partner_iso: str, start: date, end: date) -> list[tuple[uuid.UUID, int]]:
        """(activity, year) of what the partner's participants attended between two dates, earliest first."""
        model, year = self.model, func.extract("year", self.model.occurrence_start_date)
        rows = await self.session.execute(
            select(model.activity_id, year)
            .where(model.partner_iso == partner_iso, model.occurrence_start_date.between(start, end))
            .group_by(model.activity_id, year)
            .order_by(year, model.activity_id)
        )
        return [(activity, int(y)) for activity, y in rows.all()]

    async def of_partners(self, pairs: Sequence[tuple[str, uuid.UUID]]) -> list[Attended]:
        """Per (partner, activity) asked: the partner's attendance at the activity's occurrences, with how many
        of its participants attended each, in one statement."""
        if not pairs:
            return []
        model = self.model
        isos, activities = zip(*pairs, strict=True)
        wanted = (
            func.unnest(_array(list(isos), Text), _array(list(activities), UUID(as_uuid=True)))
            .table_valued("iso", "activity")
            .render_derived()
        )
        rows = await self.session.execute(
            select(model.partner_iso, model.activity_id, model.occurrence_id, model.occurrence_start_date, func.count())
            .join(wanted, (wanted.c.iso == model.partner_iso) & (wanted.c.activity == model.activity_id))
            .group_by(model.partner_iso, model.activity_id, model.occurrence_id, model.occurrence_start_date)
            .order_by(model.occurrence_start_date, model.occurrence_id)
        )
        return [Attended(*row) for row in rows.all()]


def _array(values: list[Any], kind: Any) -> Any:
    return bindparam(None, values, type_=ARRAY(kind))
