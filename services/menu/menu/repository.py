"""Every SQL statement of the menu. Lists are keyset-paged; loaders fetch many keys in one statement."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, bindparam, cast, func, or_, select, true, tuple_, update
from sqlalchemy.dialects.postgresql import ARRAY, array
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from strawberry.dataloader import DataLoader

from menu.domain import PENDING_OCCURRENCE, ActivityKind, ActivityStatus, OccurrenceStatus, ProviderKind
from menu.models import NEXT_START_OR_LAST, Activity, AreaOfCooperation, Occurrence
from shared.db import any_of
from shared.graphql.loaders import many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.repository import Repository

FAR_FUTURE = date(9999, 12, 31)


class ActivityOrder(str, Enum):
    TITLE = "TITLE"
    START_DATE = "START_DATE"
    PCM_REF = "PCM_REF"


class Direction(str, Enum):
    ASC = "ASC"
    DESC = "DESC"


def _sort_column(order: ActivityOrder) -> ColumnElement[Any]:
    if order is ActivityOrder.START_DATE:
        return NEXT_START_OR_LAST
    return {ActivityOrder.TITLE: Activity.title, ActivityOrder.PCM_REF: Activity.pcm_ref}[order]  # type: ignore[return-value]


@dataclass
class ActivityCriteria:
    area_codes: list[str] | None = None
    kinds: list[ActivityKind] | None = None
    statuses: list[ActivityStatus] | None = None
    frameworks: list[str] | None = None
    languages: list[str] | None = None
    provider_kinds: list[ProviderKind] | None = None
    providers: list[str] | None = None
    starts_from: date | None = None
    starts_to: date | None = None
    search: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.area_codes:
            where.append(any_of(Activity.area_code, self.area_codes))
        if self.kinds:
            where.append(Activity.kind.in_(self.kinds))
        if self.statuses:
            where.append(Activity.status.in_(self.statuses))
        if self.frameworks:
            where.append(Activity.frameworks.overlap(text_array(self.frameworks)))
        if self.languages:
            where.append(Activity.languages.overlap(text_array(self.languages)))
        if self.provider_kinds:
            where.append(Activity.provider_kind.in_(self.provider_kinds))
        if self.providers:
            where.append(Activity.provider_name.in_(self.providers))
        if self.starts_from or self.starts_to:
            occurrence = select(Occurrence.id).where(
                Occurrence.activity_id == Activity.id,
                Occurrence.status != OccurrenceStatus.CANCELLED,
            )
            if self.starts_from:
                occurrence = occurrence.where(Occurrence.start_date >= self.starts_from)
            if self.starts_to:
                occurrence = occurrence.where(Occurrence.start_date <= self.starts_to)
            where.append(occurrence.exists())
        if self.search:
            where.append(Activity.search_vector.op("@@")(func.websearch_to_tsquery("english", self.search)))
        return where


def _eligible_to(framework: ColumnElement[Any], iso: ColumnElement[Any]) -> ColumnElement[bool]:
    return and_(
        Activity.status == ActivityStatus.PUBLISHED,
        or_(Activity.frameworks.contains(array([cast(framework, Text)])),
            Activity.eligible_partners.contains(array([cast(iso, Text)]))),
    )


class ActivityRepository(Repository[Activity]):
    model = Activity

    async def by_pcm_refs(self, refs: Sequence[str]) -> Sequence[Activity]:
        return (await self.session.scalars(select(Activity).where(any_of(Activity.pcm_ref, refs)))).all()

    async def pcm_ref_taken(self, pcm_ref: str) -> bool:
        return (await self.session.scalar(select(Activity.id).where(Activity.pcm_ref == pcm_ref))) is not None

    async def page(self, where: ActivityCriteria, order: ActivityOrder, direction: Direction,
                   page: PageRequest) -> Sequence[Activity]:
        column = _sort_column(order)
        statement = select(Activity).where(*where.conditions())
        if page.after is not None:
            key = tuple_(column, Activity.id)
            after = tuple_(_cursor_value(order, page.after[0]), uuid.UUID(page.after[1]))
            statement = statement.where(key > after if direction is Direction.ASC else key < after)
        ascending = direction is Direction.ASC
        ordering = (column.asc(), Activity.id.asc()) if ascending else (column.desc(), Activity.id.desc())
        return (await self.session.scalars(statement.order_by(*ordering).limit(page.limit + 1))).all()

    async def count(self, where: ActivityCriteria) -> int:
        statement = select(func.count()).select_from(Activity).where(*where.conditions())
        return int(await self.session.scalar(statement) or 0)

    async def eligible_pages(self, partners: Sequence[tuple[str | None, str]],
                             page: PageRequest) -> list[list[Activity]]:
        """One statement for many partners: each partner's page of published activities open to it."""
        keys = _partner_keys(partners)
        inner: Select[Any] = select(Activity).where(_eligible_to(keys.c.framework, keys.c.iso))
        if page.after is not None:
            inner = inner.where(tuple_(Activity.title, Activity.id) > tuple_(page.after[0], uuid.UUID(page.after[1])))
        lateral = inner.order_by(Activity.title, Activity.id).limit(page.limit + 1).lateral()
        activity = aliased(Activity, lateral)
        rows = (await self.session.execute(
            select(keys.c.ordinal, activity).select_from(keys).join(lateral, true())
        )).all()
        pages: list[list[Activity]] = [[] for _ in partners]
        for ordinal, found in rows:
            pages[ordinal - 1].append(found)
        return pages

    async def eligible_counts(self, partners: Sequence[tuple[str | None, str]]) -> list[int]:
        keys = _partner_keys(partners)
        counted = (select(func.count().label("n")).select_from(Activity)
                   .where(_eligible_to(keys.c.framework, keys.c.iso)).lateral())
        rows = (await self.session.execute(
            select(keys.c.ordinal, counted.c.n).select_from(keys).join(counted, true())
        )).all()
        counts = [0] * len(partners)
        for ordinal, n in rows:
            counts[ordinal - 1] = n
        return counts

    async def refresh_next_start(self, activity_ids: Sequence[uuid.UUID], today: date) -> None:
        """Keep the denormalised sort key: the first start still to come, of occurrences not cancelled."""
        nxt = (select(func.min(Occurrence.start_date))
               .where(Occurrence.activity_id == Activity.id, Occurrence.start_date >= today,
                      Occurrence.status.in_(PENDING_OCCURRENCE))
               .scalar_subquery())
        await self.session.execute(
            update(Activity).where(any_of(Activity.id, activity_ids)).values(next_start_date=nxt),
            execution_options={"synchronize_session": False},
        )


def _cursor_value(order: ActivityOrder, value: Any) -> Any:
    return date.fromisoformat(value) if order is ActivityOrder.START_DATE else value


def text_array(values: Sequence[str]) -> Any:
    return bindparam(None, list(values), type_=ARRAY(Text))


def _partner_keys(partners: Sequence[tuple[str | None, str]]) -> Any:
    frameworks = [framework or "" for framework, _ in partners]
    isos = [iso for _, iso in partners]
    return (func.unnest(text_array(frameworks), text_array(isos))
            .table_valued("framework", "iso", with_ordinality="ordinal").render_derived())


class OccurrenceRepository(Repository[Occurrence]):
    model = Occurrence

    async def of_activities(self, activity_ids: Sequence[uuid.UUID]) -> Sequence[Occurrence]:
        return (await self.session.scalars(
            select(Occurrence).where(any_of(Occurrence.activity_id, activity_ids))
            .order_by(Occurrence.activity_id, Occurrence.start_date, Occurrence.id)
        )).all()

    async def pending_of(self, activity_id: uuid.UUID) -> Sequence[Occurrence]:
        return (await self.session.scalars(
            select(Occurrence).where(Occurrence.activity_id == activity_id,
                                     Occurrence.status.in_(PENDING_OCCURRENCE))
            .order_by(Occurrence.start_date).with_for_update()
        )).all()


class AreaRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def all(self) -> Sequence[AreaOfCooperation]:
        return (await self.session.scalars(select(AreaOfCooperation).order_by(AreaOfCooperation.code))).all()

    async def get_many(self, codes: Sequence[str]) -> Sequence[AreaOfCooperation]:
        return (await self.session.scalars(
            select(AreaOfCooperation).where(any_of(AreaOfCooperation.code, codes)))).all()

    async def exists(self, code: str) -> bool:
        found = await self.session.scalar(select(AreaOfCooperation.code).where(AreaOfCooperation.code == code))
        return found is not None

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(AreaOfCooperation)) or 0)


class MenuLoaders:
    """Per-request loaders: every field that reaches another row goes through one of these."""

    def __init__(self, session: AsyncSession) -> None:
        activities = ActivityRepository(session)
        occurrences = OccurrenceRepository(session)
        areas = AreaRepository(session)
        self.activity_by_id = one_per_key(activities.get_many, lambda a: a.id)
        self.activity_by_pcm_ref = one_per_key(activities.by_pcm_refs, lambda a: a.pcm_ref)
        self.occurrence_by_id = one_per_key(occurrences.get_many, lambda o: o.id)
        self.occurrences_by_activity = many_per_key(occurrences.of_activities, lambda o: o.activity_id)
        self.area_by_code = one_per_key(areas.get_many, lambda a: a.code)
        self.eligible_count = DataLoader(load_fn=activities.eligible_counts)
        # keyed by PagedKey((framework, iso), ...)
        self.eligible_page = pages_per_key(activities.eligible_pages)
