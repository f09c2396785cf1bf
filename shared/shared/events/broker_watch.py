"""Whether the broker answers, known without asking it per probe.

Readiness must not depend on the broker: the outbox keeps every change while it is away, and reads never
touch it. So the broker's health is watched in the background, over one long-lived client, and told by a
metric and by `/status`, never by `/readyz`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass

from aiokafka.admin import AIOKafkaAdminClient

from shared.events.kafka import connection_options
from shared.logs import KAFKA_CLIENT_LINES
from shared.metrics import BROKER_UP
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

WATCH_SECONDS = 10.0
ANSWER_SECONDS = 5.0


@dataclass(frozen=True)
class BrokerState:
    up: bool | None  # None: not asked yet
    since: float  # wall-clock time of the last change
    detail: str = ""

    def as_json(self) -> dict[str, object]:
        state = "unknown" if self.up is None else "ok" if self.up else "unavailable"
        return {
            "state": state,
            "since": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.since)),
            **({"detail": self.detail} if self.detail else {}),
        }


class BrokerWatch:
    def __init__(self, settings: ServiceSettings, every: float = WATCH_SECONDS) -> None:
        self.settings = settings
        self.every = every
        self.state = BrokerState(None, time.time())
        self._admin: AIOKafkaAdminClient | None = None
        self._asking = asyncio.Lock()  # one question at a time over the one client

    async def run(self) -> None:
        try:
            while True:
                await self.check()
                await asyncio.sleep(self.every)
        finally:
            await self._close()

    async def check(self) -> BrokerState:
        async with self._asking:
            return await self._check()

    async def _check(self) -> BrokerState:
        try:
            await asyncio.wait_for(self._ask(), ANSWER_SECONDS)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await self._close()  # a fresh client next time: the old one may hold a dead connection
            self._record(False, type(exc).__name__)
        else:
            self._record(True, "")
        return self.state

    async def _ask(self) -> None:
        if self._admin is None:
            self._admin = AIOKafkaAdminClient(**connection_options(self.settings), request_timeout_ms=4_000)
            await self._admin.start()
        await self._admin.list_topics()

    def _record(self, up: bool, detail: str) -> None:
        BROKER_UP.labels(self.settings.service_name).set(1 if up else 0)
        if up != self.state.up:
            if up is False:
                log.warning("broker unavailable (%s): events wait in the outbox", detail)
            elif self.state.up is False:
                log.info("broker available again")
                KAFKA_CLIENT_LINES.settled()
            self.state = BrokerState(up, time.time(), detail)

    async def _close(self) -> None:
        admin, self._admin = self._admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                await admin.close()
