"""Whether the service's database answers, known within about a second without asking it per request.

A database that stops answering (stopped, paused, cut off) makes every statement wait: on a pooled
connection until the operation's limit (8 s), on a new one until the driver's connect timeout. Callers
should hear within about 2 s that the service is unavailable and may retry, and the probes must answer
within theirs. So one connection of its own asks `SELECT 1` every `EVERY` seconds, each answer awaited at
most `ANSWER` seconds (never waiting for the cancelled call itself: a connection that does not answer is
dropped); with two questions in a row unanswered and none answered for `DOWN_AFTER` seconds, the database is
down. Requests then fail at once, and
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
ANSWER = 0.6
DOWN_AFTER = 1.0
CONNECT_SECONDS = 5.0  # a new connection's own bound (the question is given up on after ANSWER all the same)


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
        self.missed = 0  # questions unanswered in a row
        self._connection: asyncpg.Connection | None = None
        self._asking = asyncio.Lock()

    async def run(self) -> None:
        try:
            while True:
                await self.check()
                await asyncio.sleep(self.every)
        finally:
            self._drop()

    async def check(self) -> bool:
        """Ask once (one question at a time); whether the database answered."""
        async with self._asking:
            return await self._check()

    async def _check(self) -> bool:
        connection = self._connection
        asking = asyncio.ensure_future(self._ask(connection))
        done, _ = await asyncio.wait({asking}, timeout=self.answer)
        if asking in done and asking.exception() is None:
            self._connection = asking.result()
            self._record(True, "")
            return True
        asking.cancel()
        asking.add_done_callback(_forget)  # a connection it opens after all is closed there
        error = asking.exception() if asking in done else None
        self._drop()  # a fresh connection next time: this one may be stuck
        self._record(False, type(error).__name__ if error else f"no answer within {self.answer:.2f}s")
        return False

    async def _ask(self, connection: asyncpg.Connection | None) -> asyncpg.Connection:
        if connection is None or connection.is_closed():
            connection = await asyncpg.connect(self.dsn, timeout=CONNECT_SECONDS)
        await connection.fetchval("SELECT 1")
        return connection

    def _record(self, answered: bool, detail: str) -> None:
        now = time.monotonic()
        if answered:
            self.answered_at, self.missed = now, 0
            if self.up is False:
                log.info("database available again")
            self.up, self.detail = True, ""
            self.down.clear()
            return
        # Down after two questions in a row went unanswered and a second has passed: one slow answer on a busy
        # machine must not turn every request away.
        self.missed += 1
        if self.missed >= 2 and (self.up is None or now - self.answered_at >= self.down_after):
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


def _forget(task: asyncio.Future[asyncpg.Connection]) -> None:
    """A question given up on ends later, however it ends: nothing to tell of it, and no connection kept."""
    if task.cancelled() or task.exception() is not None:
        return
    with contextlib.suppress(Exception):
        task.result().terminate()
