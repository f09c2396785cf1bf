"""Whether the service's database answers, known within about a second without asking it per request.

A database that stops answering (stopped, paused, cut off) makes every statement wait: on a pooled
connection until the operation's limit (8 s), on a new one until the driver's connect timeout. Callers
should hear within about 2 s that the service is unavailable and may retry, and the probes must answer
within theirs. So one connection of its own asks `SELECT 1` every `EVERY` seconds, each answer awaited at
most `ANSWER` seconds (never waiting for the cancelled call itself: a connection that does not answer is
dropped); with no answer for `DOWN_AFTER` seconds the database is down. Requests then fail at once, and
those waiting on the database are stopped (shared.web.graphql_http), and `/readyz` answers from here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import asyncpg

log = logging.getLogger(__name__)

EVERY = 0.25
ANSWER = 0.75
DOWN_AFTER = 1.0


class DatabaseUnavailable(Exception):
    """The service's database does not answer."""


class DatabaseWatch:
    def __init__(self, dsn: str, every: float = EVERY, answer: float = ANSWER, down_after: float = DOWN_AFTER) -> None:
        self.dsn = dsn
        self.every, self.answer, self.down_after = every, answer, down_after
        self.up: bool | None = None  # None: not asked yet
        self.detail = ""
        self.answered_at = time.monotonic()
        self.down = asyncio.Event()  # set while the database is down: what waiting requests race against
        self._connection: asyncpg.Connection | None = None

    async def run(self) -> None:
        try:
            while True:
                await self.check()
                await asyncio.sleep(self.every)
        finally:
            self._drop()

    async def check(self) -> bool:
        """Ask once; whether the database answered."""
        asking = asyncio.ensure_future(self._ask())
        done, _ = await asyncio.wait({asking}, timeout=self.answer)
        if asking in done and asking.exception() is None:
            self._record(True, "")
            return True
        asking.cancel()
        asking.add_done_callback(_forget)
        error = asking.exception() if asking in done else None
        self._drop()  # a fresh connection next time: this one may be stuck
        self._record(False, type(error).__name__ if error else f"no answer within {self.answer:.1f}s")
        return False

    async def _ask(self) -> None:
        if self._connection is None or self._connection.is_closed():
            self._connection = await asyncpg.connect(self.dsn, timeout=self.answer)
        await self._connection.fetchval("SELECT 1")

    def _record(self, answered: bool, detail: str) -> None:
        now = time.monotonic()
        if answered:
            self.answered_at = now
            if self.up is False:
                log.info("database available again")
            self.up, self.detail = True, ""
            self.down.clear()
        elif self.up is None or now - self.answered_at >= self.down_after:
            if self.up is not False:
                log.warning("database unavailable (%s): requests are answered SERVICE_UNAVAILABLE", detail)
            self.up, self.detail = False, detail
            self.down.set()

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.terminate()  # at once: no goodbye to a database that does not answer

    def state(self) -> str:
        """As `/readyz` and `/status` tell it."""
        if self.up is False:
            return f"unavailable: {self.detail}"
        return "ok" if self.up else "unknown"


def _forget(task: asyncio.Future[None]) -> None:
    """A probe given up on ends later, however it ends: nothing to tell of it."""
    if not task.cancelled():
        task.exception()
