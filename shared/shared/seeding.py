"""Seeding helpers: deterministic randomness per item, and independent chunks run side by side."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

# Seeds wait on the database far more than they compute: a few chunks at once fill the gaps.
CONCURRENCY = 4


def rng_for(seed: int, key: str) -> random.Random:
    """The same random choices for the same item, whatever order the items are seeded in."""
    return random.Random(f"{seed}:{key}")


async def in_parallel(
    chunks: Sequence[T], seed_chunk: Callable[[T], Awaitable[int]], concurrency: int = CONCURRENCY
) -> int:
    """Seed independent chunks (each its own transaction) a few at a time; returns the changes made."""
    gate = asyncio.Semaphore(concurrency)

    async def one(chunk: T) -> int:
        async with gate:
            return await seed_chunk(chunk)

    return sum(await asyncio.gather(*(one(chunk) for chunk in chunks)))
