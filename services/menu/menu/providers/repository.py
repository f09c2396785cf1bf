"""Every SQL statement about providers, and their loaders. Everyone who reads the menu reads every provider."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from menu.activities.access import READ_MENU
from menu.providers.models import Provider, ProviderTransition
from menu.providers.rules import ProviderKind, ProviderStatus
from shared.auth import Actor
from shared.db import any_of
from shared.graphql.loaders import many_per_key, one_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, Ordering, SortKey, keyset
from shared.repository import Repository


@dataclass(frozen=True)
class ProviderCriteria:
    kinds: tuple[ProviderKind, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[ProviderStatus, ...] = ()
    search: str | None = None  # the start of its code, or words of its name

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.kinds:
            where.append(any_of(Provider.kind, self.kinds))
        if self.countries:
            where.append(any_of(Provider.country, self.countries))
        if self.statuses:
            where.append(any_of(Provider.status, self.statuses))
        if self.search:
            where.append(
                or_(
                    Provider.code.startswith(self.search.upper(), autoescape=True),
                    Provider.name.icontains(self.search, autoescape=True),
                )
            )
        return where


class ProviderOrder(str, Enum):
    CODE = "CODE"
    NAME = "NAME"


PROVIDER_SORT: dict[ProviderOrder, SortKey[Provider]] = {
    ProviderOrder.CODE: SortKey(Provider.code, lambda p: p.code),
    ProviderOrder.NAME: SortKey(Provider.name, lambda p: p.name),
}
ProviderOrdering = Ordering[Provider]
BY_CODE = Ordering(ProviderOrder.CODE, Direction.ASC, PROVIDER_SORT)


class ProviderRepository(Repository[Provider]):
    """Providers; given a caller, every read checks it reads the menu (it then reads every provider)."""

    model = Provider
    key = "code"

    def _require_reader(self) -> None:
        if self.caller is not None:
            READ_MENU.require(self.caller)

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Provider]:
        self._require_reader()
        return await super().get_many(keys)

    async def page(self, where: ProviderCriteria, order: ProviderOrdering, page: PageRequest) -> Sequence[Provider]:
        self._require_reader()
        statement = keyset(select(Provider).where(*where.conditions()), order.sort, Provider.id, order.direction, page)
        return (await self.session.scalars(statement)).all()

    async def count(self, where: ProviderCriteria) -> int:
        self._require_reader()
        return int(
            await self.session.scalar(select(func.count()).select_from(Provider).where(*where.conditions())) or 0
        )

    async def transitions_of(self, codes: Sequence[str]) -> Sequence[ProviderTransition]:
        return (
            await self.session.scalars(
                select(ProviderTransition)
                .where(any_of(ProviderTransition.provider_code, codes))
                .order_by(ProviderTransition.at)
            )
        ).all()


class ProvidersLoaders:
    """Per-request loaders of providers and their transitions, for a caller who reads the menu."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        self.caller = caller
        providers = ProviderRepository(session, caller)
        self.provider_by_code = one_per_key(providers.get_many, lambda p: p.code)
        self.provider_transitions = many_per_key(providers.transitions_of, lambda t: t.provider_code)
