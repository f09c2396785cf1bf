"""Every SQL statement about activities, their occurrences and the areas of cooperation, and their loaders. Lists
are keyset-paged; loaders fetch many keys in one statement; every read a caller asks for is scoped to it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Text,
    and_,
    bindparam,
    cast,
    false,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, UUID, array
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from menu.activities.access import READ_MENU
from menu.activities.models import NEXT_START_OR_LAST, Activity, AreaOfCooperation, Occurrence
from menu.activities.rules import PENDING_OCCURRENCE, ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus
from menu.partners.models import KnownPartner
from menu.providers.rules import ProviderKind
from shared.auth import Actor, Role
from shared.db import any_of
from shared.graphql.loaders import PagedKey, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, Ordering, SortKey, keyset
from shared.repository import Repository, lateral_counts, lateral_pages, lateral_view_pages
from shared.views import Views
from shared.wps import WpsMarker

FAR_FUTURE = date(9999, 12, 31)
# What a search for a menu reference looks like: a provider code, perhaps a dot and digits ("NSO.99").
PCM_REF_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{1,9}(\.\d{0,6})?$")


class ActivityOrder(str, Enum):
    TITLE = "TITLE"
    START_DATE = "START_DATE"
    PCM_REF = "PCM_REF"


ACTIVITY_SORT: dict[ActivityOrder, SortKey[Activity]] = {
    ActivityOrder.TITLE: SortKey(Activity.title, lambda a: a.title, reads=("title",)),
    ActivityOrder.PCM_REF: SortKey(Activity.pcm_ref, lambda a: a.pcm_ref, reads=("pcm_ref",)),
    ActivityOrder.START_DATE: SortKey(
        NEXT_START_OR_LAST,
        lambda a: (a.next_start_date or FAR_FUTURE).isoformat(),
        date.fromisoformat,
        reads=("next_start_date",),
    ),
}
# What lists and entity batches read of an activity: the columns their query selects.
ACTIVITY_VIEWS = Views(Activity)
AREA_VIEWS = Views(AreaOfCooperation, always=("code",))


ActivityOrdering = Ordering[Activity]


@dataclass(frozen=True)
class ActivityCriteria:
    """A catalogue query; hashable, so loaders can batch the owners that ask the same one."""

    area_codes: tuple[str, ...] = ()
    kinds: tuple[ActivityKind, ...] = ()
    statuses: tuple[ActivityStatus, ...] = ()
    frameworks: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    levels: tuple[ActivityLevel, ...] = ()
    tags: tuple[str, ...] = ()
    provider_kinds: tuple[ProviderKind, ...] = ()
    providers: tuple[str, ...] = ()
    provider_codes: tuple[str, ...] = ()
    wps_markers: tuple[WpsMarker, ...] = ()
    open_to: tuple[str, str] | None = None  # (framework, iso) of a partner
    starts_from: date | None = None
    starts_to: date | None = None
    search: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.area_codes:
            where.append(any_of(Activity.area_code, self.area_codes))
        if self.kinds:
            where.append(any_of(Activity.kind, self.kinds))
        if self.statuses:
            where.append(any_of(Activity.status, self.statuses))
        if self.frameworks:
            where.append(Activity.frameworks.overlap(text_array(self.frameworks)))
        if self.languages:
            where.append(Activity.languages.overlap(text_array(self.languages)))
        if self.levels:
            where.append(any_of(Activity.level, self.levels))
        if self.tags:
            where.append(Activity.tags.overlap(text_array(self.tags)))
        if self.provider_kinds:
            where.append(any_of(Activity.provider_kind, self.provider_kinds))
        if self.providers:
            where.append(any_of(Activity.provider_name, self.providers))
        if self.provider_codes:
            where.append(any_of(Activity.provider_code, self.provider_codes))
        if self.wps_markers:
            where.append(any_of(Activity.wps_marker, self.wps_markers))
        if self.open_to is not None:
            where.append(_open_to(*self.open_to))
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
            words = Activity.search_vector.op("@@")(func.websearch_to_tsquery("english", self.search))
            reference = self.search.upper()
            where.append(
                or_(words, Activity.pcm_ref.startswith(reference, autoescape=True))
                if PCM_REF_PREFIX.match(reference)
                else words
            )
        return where


def _open_to(framework: Any, iso: Any) -> ColumnElement[bool]:
    return or_(
        Activity.frameworks.contains(array([cast(framework, Text)])),
        Activity.eligible_partners.contains(array([cast(iso, Text)])),
    )


def visible_to(caller: Actor) -> list[ColumnElement[bool]]:
    """What of the menu a caller may see, in SQL (menu.activities.access.may_see says the same in Python)."""
    READ_MENU.require(caller)
    if caller.is_(Role.STAFF, Role.SYSTEM, Role.ALLY):
        return []
    if caller.is_(Role.PROVIDER):
        own = Activity.pcm_ref.startswith(f"{caller.provider}.", autoescape=True)
        return [or_(Activity.status != ActivityStatus.DRAFT, own)]
    if caller.is_(Role.PARTNER):
        iso = caller.partner_only
        framework = select(KnownPartner.framework).where(KnownPartner.iso == iso).scalar_subquery()
        return [Activity.status != ActivityStatus.DRAFT, _open_to(framework, iso)]
    return [false()]


def _eligible_to(framework: ColumnElement[Any], iso: ColumnElement[Any]) -> ColumnElement[bool]:
    """Published and open to the partner. Its framework is the menu's own copy's (programmes' word), not
    the one a representation carries; the representation's only for a partner the copy has not heard of."""
    known = (
        select(KnownPartner.framework).where(KnownPartner.iso == iso).correlate_except(KnownPartner).scalar_subquery()
    )
    return and_(Activity.status == ActivityStatus.PUBLISHED, _open_to(func.coalesce(known, framework), iso))


class ActivityRepository(Repository[Activity]):
    """Activities; given a caller, every read is scoped to what it may see (`visible_to`)."""

    model = Activity

    def _scope(self) -> list[ColumnElement[bool]]:
        return visible_to(self.caller) if self.caller is not None else []

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Activity]:
        return (await self.session.scalars(select(Activity).where(any_of(Activity.id, keys), *self._scope()))).all()

    async def by_pcm_refs(self, refs: Sequence[str]) -> Sequence[Activity]:
        return (
            await self.session.scalars(select(Activity).where(any_of(Activity.pcm_ref, refs), *self._scope()))
        ).all()

    async def views_of(self, key: str, values: Sequence[Any], columns: Sequence[str]) -> list[Any]:
        """Views (holding `columns`) of the activities whose `key` (id or pcm_ref) is one of `values`,
        of those the caller may see."""
        names = (*columns, key)
        statement = ACTIVITY_VIEWS.select(names).where(any_of(getattr(Activity, key), values), *self._scope())
        return await ACTIVITY_VIEWS.all(self.session, statement, names)

    async def published_refs(self) -> Sequence[str]:
        return (
            await self.session.scalars(
                select(Activity.pcm_ref).where(Activity.status == ActivityStatus.PUBLISHED).order_by(Activity.pcm_ref)
            )
        ).all()

    async def pcm_ref_taken(self, pcm_ref: str) -> bool:
        return (await self.session.scalar(select(Activity.id).where(Activity.pcm_ref == pcm_ref))) is not None

    async def page(
        self, where: ActivityCriteria, order: ActivityOrdering, page: PageRequest, columns: Sequence[str]
    ) -> Sequence[Any]:
        """A page of views holding `columns` (and what the cursor reads)."""
        names = (*columns, *order.sort.reads)
        statement = keyset(
            ACTIVITY_VIEWS.select(names).where(*where.conditions(), *self._scope()),
            order.sort,
            Activity.id,
            order.direction,
            page,
        )
        return await ACTIVITY_VIEWS.all(self.session, statement, names)

    async def count(self, where: ActivityCriteria) -> int:
        statement = select(func.count()).select_from(Activity).where(*where.conditions(), *self._scope())
        return int(await self.session.scalar(statement) or 0)

    async def eligible_pages(
        self,
        partners: Sequence[tuple[str, str]],
        where: ActivityCriteria,
        order: ActivityOrdering,
        page: PageRequest,
        columns: Sequence[str],
    ) -> list[list[Any]]:
        """One statement for many partners: each partner's page (views holding `columns`) of published
        activities open to it."""
        names = (*columns, *order.sort.reads)

        def per_partner(key: list[Any]) -> Select[Any]:
            statement = ACTIVITY_VIEWS.select(names).where(_eligible_to(*key), *where.conditions())
            return keyset(statement, order.sort, Activity.id, order.direction, page)

        return await lateral_view_pages(self.session, ACTIVITY_VIEWS, names, partners, [Text, Text], per_partner)

    async def eligible_counts(self, partners: Sequence[tuple[str, str]], where: ActivityCriteria) -> list[int]:
        return await lateral_counts(
            self.session,
            partners,
            [Text, Text],
            lambda key: select(func.count()).select_from(Activity).where(_eligible_to(*key), *where.conditions()),
        )

    async def provider_pages(
        self,
        codes: Sequence[str],
        where: ActivityCriteria,
        order: ActivityOrdering,
        page: PageRequest,
        columns: Sequence[str],
    ) -> list[list[Any]]:
        """One statement for many providers: each one's page (views holding `columns`) of its activities
        the caller may see."""
        names, scope = (*columns, *order.sort.reads), self._scope()

        def per_provider(key: list[Any]) -> Select[Any]:
            statement = ACTIVITY_VIEWS.select(names).where(
                Activity.provider_code == key[0], *where.conditions(), *scope
            )
            return keyset(statement, order.sort, Activity.id, order.direction, page)

        return await lateral_view_pages(
            self.session, ACTIVITY_VIEWS, names, [(c,) for c in codes], [Text], per_provider
        )

    async def provider_counts(self, codes: Sequence[str], where: ActivityCriteria) -> list[int]:
        scope = self._scope()
        return await lateral_counts(
            self.session,
            [(c,) for c in codes],
            [Text],
            lambda key: (
                select(func.count())
                .select_from(Activity)
                .where(Activity.provider_code == key[0], *where.conditions(), *scope)
            ),
        )

    async def of_provider_for_change(self, code: str) -> Sequence[Activity]:
        """Every activity of a provider, locked: its name or kind is about to be copied into them again."""
        return (
            await self.session.scalars(
                select(Activity).where(Activity.provider_code == code).order_by(Activity.pcm_ref).with_for_update()
            )
        ).all()

    async def refresh_next_start(self, activity_ids: Sequence[uuid.UUID], today: date) -> None:
        """Keep the denormalised sort key: the first start still to come, of occurrences not cancelled."""
        nxt = (
            select(func.min(Occurrence.start_date))
            .where(
                Occurrence.activity_id == Activity.id,
                Occurrence.start_date >= today,
                Occurrence.status.in_(PENDING_OCCURRENCE),
            )
            .scalar_subquery()
        )
        await self.session.execute(
            update(Activity).where(any_of(Activity.id, activity_ids)).values(next_start_date=nxt),
            execution_options={"synchronize_session": False},
        )


def text_array(values: Sequence[str]) -> Any:
    return bindparam(None, list(values), type_=ARRAY(Text))


OCCURRENCE_SORT: SortKey[Occurrence] = SortKey(
    Occurrence.start_date, lambda o: o.start_date.isoformat(), date.fromisoformat
)


class OccurrenceRepository(Repository[Occurrence]):
    """Occurrences; given a caller, those of the activities it may see."""

    model = Occurrence

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Occurrence]:
        if self.caller is None:
            return await super().get_many(keys)
        return (
            await self.session.scalars(
                select(Occurrence)
                .join(Activity, Activity.id == Occurrence.activity_id)
                .where(any_of(Occurrence.id, keys), *visible_to(self.caller))
            )
        ).all()

    async def pages_of(
        self, activity_ids: Sequence[uuid.UUID], statuses: tuple[OccurrenceStatus, ...], page: PageRequest
    ) -> list[list[Occurrence]]:
        """Each activity's page of occurrences, earliest first, in one statement."""

        def per_activity(key: list[Any]) -> Select[Any]:
            statement = select(Occurrence).where(Occurrence.activity_id == key[0], *self._having(statuses))
            return keyset(statement, OCCURRENCE_SORT, Occurrence.id, Direction.ASC, page)

        return await lateral_pages(
            self.session, Occurrence, [(a,) for a in activity_ids], [UUID(as_uuid=True)], per_activity
        )

    async def counts_of(self, activity_ids: Sequence[uuid.UUID], statuses: tuple[OccurrenceStatus, ...]) -> list[int]:
        found = dict(
            (
                await self.session.execute(
                    select(Occurrence.activity_id, func.count())
                    .where(any_of(Occurrence.activity_id, activity_ids), *self._having(statuses))
                    .group_by(Occurrence.activity_id)
                )
            ).all()
        )
        return [found.get(a, 0) for a in activity_ids]

    @staticmethod
    def _having(statuses: tuple[OccurrenceStatus, ...]) -> list[ColumnElement[bool]]:
        return [any_of(Occurrence.status, statuses)] if statuses else []

    async def pending_of(self, activity_id: uuid.UUID) -> Sequence[Occurrence]:
        return (
            await self.session.scalars(
                select(Occurrence)
                .where(Occurrence.activity_id == activity_id, Occurrence.status.in_(PENDING_OCCURRENCE))
                .order_by(Occurrence.start_date)
                .with_for_update()
            )
        ).all()


class AreaRepository(Repository[Any]):  # Repository's model is Versioned; the reference list is not
    """The areas of cooperation: everyone who reads the menu reads them all."""

    model = AreaOfCooperation
    key = "code"

    def _require_reader(self) -> None:
        if self.caller is not None:
            READ_MENU.require(self.caller)

    async def all(self) -> Sequence[AreaOfCooperation]:
        self._require_reader()
        return (await self.session.scalars(select(AreaOfCooperation).order_by(AreaOfCooperation.code))).all()

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Any]:
        """Views of the areas with these codes (the table is small: every column)."""
        self._require_reader()
        names = AREA_VIEWS.table.c.keys()
        statement = AREA_VIEWS.select(names).where(any_of(AreaOfCooperation.code, keys))
        return await AREA_VIEWS.all(self.session, statement, names)

    async def exists(self, code: str) -> bool:
        found = await self.session.scalar(select(AreaOfCooperation.code).where(AreaOfCooperation.code == code))
        return found is not None

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(AreaOfCooperation)) or 0)


class ActivitiesLoaders:
    """Per-request loaders of activities, occurrences and areas, every read scoped to the caller (root fields,
    entities and nested fields alike). The service's loaders class derives from this one and its siblings, so
    what this one keeps for itself has double-underscore names: no sibling's can clash with them."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        self.caller = caller
        self.__activities = ActivityRepository(session, caller)
        self.__occurrences = OccurrenceRepository(session, caller)
        self.occurrence_by_id = one_per_key(self.__occurrences.get_many, lambda o: o.id)
        self.area_by_code = one_per_key(AreaRepository(session, caller).get_many, lambda a: a.code)
        self.__built: dict[Any, Any] = {}

    def activity_by_id(self, columns: tuple[str, ...]) -> DataLoader[uuid.UUID, Any]:
        """Views holding `columns` of the activities the caller may see, by id (one loader per columns)."""
        return self.__for(
            ("activity_by_id", columns),
            lambda: one_per_key(lambda ids: self.__activities.views_of("id", ids, columns), lambda a: a.id),
        )

    def activity_by_pcm_ref(self, columns: tuple[str, ...]) -> DataLoader[str, Any]:
        return self.__for(
            ("activity_by_pcm_ref", columns),
            lambda: one_per_key(lambda refs: self.__activities.views_of("pcm_ref", refs, columns), lambda a: a.pcm_ref),
        )

    def occurrences(
        self, statuses: tuple[OccurrenceStatus, ...]
    ) -> tuple[DataLoader[PagedKey[uuid.UUID], list[Occurrence]], DataLoader[uuid.UUID, int]]:
        """Pages and counts of activities' occurrences: owners asking the same thing share a statement."""

        def build() -> Any:
            async def pages(keys: list[uuid.UUID], page: PageRequest) -> list[list[Occurrence]]:
                return await self.__occurrences.pages_of(keys, statuses, page)

            async def counts(keys: list[uuid.UUID]) -> list[int]:
                return await self.__occurrences.counts_of(keys, statuses)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self.__for(("occurrences", statuses), build)

    def eligible(
        self, where: ActivityCriteria, order: ActivityOrdering, columns: tuple[str, ...]
    ) -> tuple[DataLoader[PagedKey[tuple[str, str]], list[Any]], DataLoader[tuple[str, str], int]]:
        """Pages (views holding `columns`) and counts of partners' eligible activities, keyed by (framework, iso)."""

        def build() -> Any:
            # A partner reads its own list only: another partner's would show what is open to that one by name.
            own = self.caller.partner_only

            async def pages(keys: list[tuple[str, str]], page: PageRequest) -> list[list[Any]]:
                shown = [k for k in keys if own is None or k[1] == own]
                found = dict(
                    zip(shown, await self.__activities.eligible_pages(shown, where, order, page, columns), strict=True)
                )
                return [found.get(k, []) for k in keys]

            async def counts(keys: list[tuple[str, str]]) -> list[int]:
                shown = [k for k in keys if own is None or k[1] == own]
                found = dict(zip(shown, await self.__activities.eligible_counts(shown, where), strict=True))
                return [found.get(k, 0) for k in keys]

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self.__for(("eligible", where, order, columns), build)

    def of_providers(
        self, where: ActivityCriteria, order: ActivityOrdering, columns: tuple[str, ...]
    ) -> tuple[DataLoader[PagedKey[str], list[Any]], DataLoader[str, int]]:
        """Pages (views holding `columns`) and counts of providers' activities the caller may see, by code."""

        def build() -> Any:
            async def pages(keys: list[str], page: PageRequest) -> list[list[Any]]:
                return await self.__activities.provider_pages(keys, where, order, page, columns)

            async def counts(keys: list[str]) -> list[int]:
                return await self.__activities.provider_counts(keys, where)

            return pages_per_key(pages), DataLoader(load_fn=counts)

        return self.__for(("of_providers", where, order, columns), build)

    def __for(self, query: Any, build: Any) -> Any:
        if query not in self.__built:
            self.__built[query] = build()
        return self.__built[query]
