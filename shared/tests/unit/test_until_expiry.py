"""A subscription's feed ends with UNAUTHENTICATED when its caller's token expires, and not before."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from shared.auth import Actor, Role
from shared.errors import DomainError
from shared.events.live import until_expiry


async def _quiet() -> AsyncIterator[int]:
    await asyncio.sleep(60)
    yield 1


async def _two() -> AsyncIterator[int]:
    for n in (1, 2):
        yield n


async def test_a_quiet_feed_ends_at_the_expiry_with_unauthenticated() -> None:
    caller = Actor("someone", Role.STAFF, expires_at=time.time() + 0.3)
    started = time.monotonic()
    with pytest.raises(DomainError) as refused:
        async for _ in until_expiry(caller, _quiet()):
            pass
    assert refused.value.code.value == "UNAUTHENTICATED"
    assert 0.2 < time.monotonic() - started < 1.0


async def test_changes_pass_through_until_the_feed_ends() -> None:
    caller = Actor("someone", Role.STAFF, expires_at=time.time() + 30)
    assert [n async for n in until_expiry(caller, _two())] == [1, 2]
    assert [n async for n in until_expiry(Actor("someone", Role.STAFF), _two())] == [1, 2]
