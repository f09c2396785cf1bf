"""DataLoaders built from one batched query: keys -> one SELECT ... = ANY(keys) -> values in key order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TypeVar

from strawberry.dataloader import DataLoader

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def one_per_key(fetch: Callable[[list[K]], Awaitable[Sequence[V]]],
                key_of: Callable[[V], K]) -> DataLoader[K, V | None]:
    async def load(keys: list[K]) -> list[V | None]:
        found = {key_of(value): value for value in await fetch(keys)}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def many_per_key(fetch: Callable[[list[K]], Awaitable[Sequence[V]]],
                 key_of: Callable[[V], K]) -> DataLoader[K, list[V]]:
    async def load(keys: list[K]) -> list[list[V]]:
        grouped: dict[K, list[V]] = defaultdict(list)
        for value in await fetch(keys):
            grouped[key_of(value)].append(value)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)
