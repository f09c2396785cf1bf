"""DataLoaders built from one batched query: keys -> one SELECT ... = ANY(keys) -> values in key order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from strawberry.dataloader import DataLoader

from shared.graphql.pagination import PageRequest

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def one_per_key(
    fetch: Callable[[list[K]], Awaitable[Sequence[V]]], key_of: Callable[[V], K]
) -> DataLoader[K, V | None]:
    async def load(keys: list[K]) -> list[V | None]:
        found = {key_of(value): value for value in await fetch(keys)}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def many_per_key(
    fetch: Callable[[list[K]], Awaitable[Sequence[V]]], key_of: Callable[[V], K]
) -> DataLoader[K, list[V]]:
    async def load(keys: list[K]) -> list[list[V]]:
        grouped: dict[K, list[V]] = defaultdict(list)
        for value in await fetch(keys):
            grouped[key_of(value)].append(value)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


@dataclass(frozen=True)
class PagedKey(Generic[K]):
    """One owner's page of a nested connection (a partner's programmes, say)."""

    key: K
    limit: int
    after: tuple[Any, ...] | None

    @classmethod
    def of(cls, key: K, page: PageRequest) -> PagedKey[K]:
        return cls(key, page.limit, tuple(page.after) if page.after is not None else None)


def pages_per_key(
    fetch: Callable[[list[K], PageRequest], Awaitable[list[list[V]]]],
) -> DataLoader[PagedKey[K], list[V]]:
    """Owners asking for the same page share one statement (a LATERAL join over their keys)."""

    async def load(keys: list[PagedKey[K]]) -> list[list[V]]:
        groups: dict[tuple[int, tuple[Any, ...] | None], list[int]] = defaultdict(list)
        for index, key in enumerate(keys):
            groups[(key.limit, key.after)].append(index)
        pages: list[list[V]] = [[] for _ in keys]
        for (limit, after), indexes in groups.items():
            found = await fetch(
                [keys[i].key for i in indexes], PageRequest(limit, list(after) if after is not None else None)
            )
            for i, rows in zip(indexes, found, strict=True):
                pages[i] = rows
        return pages

    return DataLoader(load_fn=load)


def many_per_key_pairs(fetch: Callable[[list[K]], Awaitable[Sequence[tuple[K, V]]]]) -> DataLoader[K, list[V]]:
    """Like many_per_key, for a query that returns (key, value) pairs, e.g. through a join."""

    async def load(keys: list[K]) -> list[list[V]]:
        grouped: dict[K, list[V]] = defaultdict(list)
        for key, value in await fetch(keys):
            grouped[key].append(value)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)
