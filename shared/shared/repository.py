"""The part every repository shares: add, get by key (optionally locked for a change), get many by keys;
and nested pages for many owners in one statement."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, Text, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from shared.auth import Actor, Rule
from shared.db import Versioned
from shared.errors import BadUserInput, NotFound
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.sql import any_of, unnested
from shared.views import Views

M = TypeVar("M", bound=Versioned)


class Repository(Generic[M]):
    """One style for every repository: the session and the caller, both given to the constructor. The reads a
    caller asks for (lists, counts, batch reads and the loaders built on them) scope themselves by `self.caller`;
    `get` and `for_change` serve use cases and consumers, which check the row they change themselves (a caller of
    None: nothing is filtered)."""

    model: ClassVar[type[Any]]
    key: ClassVar[str] = "id"

    def __init__(self, session: AsyncSession, caller: Actor | None = None) -> None:
        self.session = session
        self.caller = caller

    def add(self, row: Any) -> None:
        self.session.add(row)

    async def get(self, key: Any, *, for_update: bool = False) -> M | None:
        statement = select(self.model).where(getattr(self.model, self.key) == key)
        if for_update:
            # Locked, the row is read afresh: a copy the session loaded before the lock may be stale.
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).first()

    async def get_many(self, keys: Sequence[Any]) -> Sequence[M]:
        return (await self.session.scalars(select(self.model).where(any_of(getattr(self.model, self.key), keys)))).all()

    async def for_change(
        self,
        key: Any,
        expected_version: int | None = None,
        field: str | None = None,
        visible: Callable[[M], bool] | None = None,
        missing: Exception | None = None,
    ) -> M:
        """The row, locked for the change about to be made, at the version the caller saw.

        Unknown, or outside what the caller may see (`visible`): NOT_FOUND, or BAD_USER_INPUT naming `field`
        when the key came in an input (or `missing`, when the key came from a child the caller named); its
        version is compared only after, so a stale version says nothing of a row the caller may not see."""
        row = await self.get(key, for_update=True)
        if row is None or (visible is not None and not visible(row)):
            if missing is not None:  # reached through a child: name the child, not its parent
                raise missing
            if field:
                raise BadUserInput(f"there is no {self.model.__name__} {key}", field=field)
            raise NotFound(self.model.__name__, key)
        row.check_version(expected_version)
        return row

    async def child(self, model: type, child_id: Any) -> Any:
        """A row of the aggregate's inside (a measure, a goal), locked for a change."""
        statement: Any = select(model).where(model.id == child_id).with_for_update()  # type: ignore[attr-defined]  # every model of an aggregate's inside has an id column
        return (await self.session.scalars(statement)).first()


class PartnerScopedRepository(Repository[M]):
    """Rows that each belong to one partner (its programmes, its requests). Given the caller, every read is
    scoped to what it may see under `read_rule` (a partner: its own rows); without one (use cases, which
    check the row they change), nothing is filtered."""

    read_rule: ClassVar[Rule]

    def _scope(self) -> list[Any]:
        if self.caller is None:
            return []
        self.read_rule.require(self.caller)
        own = self.caller.partner_only
        return [self.model.partner_iso == own] if own else []

    async def get_many(self, keys: Sequence[Any]) -> Sequence[M]:
        return (await self.session.scalars(select(self.model).where(any_of(self.model.id, keys), *self._scope()))).all()

    async def for_change_under(
        self,
        rule: Rule,
        key: Any,
        expected_version: int | None = None,
        field: str | None = None,
        missing: Exception | None = None,
    ) -> M:
        """The row, locked for a change the repository's caller may make under `rule`; another partner's does not
        exist."""
        if self.caller is None:
            raise TypeError("a change under a rule needs the repository's caller")
        rule.require(self.caller)
        own = self.caller.partner_only

        def visible(row: Any) -> bool:  # every partner-scoped model has its partner_iso
            return own is None or row.partner_iso == own

        return await self.for_change(key, expected_version, field, missing=missing, visible=visible)


async def lateral_pages(
    session: AsyncSession,
    entity: type[Any],
    keys: Sequence[tuple[Any, ...]],
    key_types: Sequence[Any],
    per_key: Callable[[list[Any]], Select[Any]],
) -> list[list[Any]]:
    """One statement for many owners' pages of a nested list (a partner's programmes, an activity's
    occurrences): the keys are unnested with their position and `per_key` (given the key columns)
    is joined LATERAL, so each owner gets its own page, limit and order."""
    if not keys:
        return []
    table, columns = unnested(keys, key_types)
    lateral = per_key(columns).lateral()
    rows = await session.execute(
        select(table.c.ordinal, aliased(entity, lateral)).select_from(table).join(lateral, true())
    )
    pages: list[list[Any]] = [[] for _ in keys]
    for ordinal, row in rows.all():
        pages[ordinal - 1].append(row)
    return pages


async def lateral_view_pages(
    session: AsyncSession,
    views: Views,
    names: Sequence[str],
    keys: Sequence[tuple[Any, ...]],
    key_types: Sequence[Any],
    per_key: Callable[[list[Any]], Select[Any]],
) -> list[list[Any]]:
    """`lateral_pages` for reads: `per_key` selects `views.columns(names)`, and each page holds views."""
    if not keys:
        return []
    table, columns = unnested(keys, key_types)
    lateral = per_key(columns).lateral()
    names = views.names(names)
    statement = select(table.c.ordinal, *(lateral.c[name] for name in names)).select_from(table).join(lateral, true())
    view, make = views.view(names), tuple.__new__
    pages: list[list[Any]] = [[] for _ in keys]
    for row in await session.rows(statement):  # type: ignore[attr-defined]  # the session is a SerialSession (shared.db), typed as its base
        pages[row[0] - 1].append(make(view, row[1:]))
    return pages


async def lateral_counts(
    session: AsyncSession,
    keys: Sequence[tuple[Any, ...]],
    key_types: Sequence[Any],
    matching: Callable[[list[Any]], Select[Any]],
) -> list[int]:
    """How many rows `matching` (a `SELECT count(*) ...` given the key columns) finds for each key."""
    if not keys:
        return []
    table, columns = unnested(keys, key_types)
    counted = matching(columns).lateral()
    rows = await session.rows(  # type: ignore[attr-defined]  # the session is a SerialSession (shared.db), typed as its base
        select(table.c.ordinal, counted.c[0]).select_from(table).join(counted, true())
    )
    counts = [0] * len(keys)
    for ordinal, n in rows:
        counts[ordinal - 1] = n
    return counts


async def pages_by_owner(
    session: AsyncSession,
    owner: InstrumentedAttribute[str],
    owners: Sequence[str],
    scope: Sequence[ColumnElement[bool]],
    sort: SortKey[Any],
    direction: Direction,
    page: PageRequest,
) -> list[list[Any]]:
    """Each owner's page of the rows whose text column `owner` names it (a partner's projects, say), in order,
    within `scope` (the caller's), in one statement."""
    entity: type[Any] = owner.class_  # type: ignore[assignment]  # a relationship's class_ is typed loosely by SQLAlchemy

    def per_owner(key: list[Any]) -> Select[Any]:
        return keyset(select(entity).where(owner == key[0], *scope), sort, entity.id, direction, page)

    return await lateral_pages(session, entity, [(o,) for o in owners], [Text], per_owner)


async def counts_by_owner(
    session: AsyncSession,
    owner: InstrumentedAttribute[str],
    owners: Sequence[str],
    scope: Sequence[ColumnElement[bool]],
) -> list[int]:
    """How many rows within `scope` each owner has: the `totalCount` of `pages_by_owner`."""
    found = dict(
        (await session.execute(select(owner, func.count()).where(any_of(owner, owners), *scope).group_by(owner))).all()
    )
    return [found.get(o, 0) for o in owners]
