"""The relay half of the outbox: publish unsent rows in commit order, mark them after the ack.

One relay per service database is active at a time (an advisory lock elects it), so
rows leave in `seq` order and one aggregate's events keep their order on its
partition. It wakes on LISTEN/NOTIFY and sweeps periodically in case a notification
was missed. A broker that is down only delays: rows stay unsent until it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import zlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import asyncpg
from aiokafka import AIOKafkaProducer
from opentelemetry.trace import SpanKind

from shared.events.envelope import CloudEvent
from shared.events.kafka import create_producer, keep_running
from shared.events.log_marker import CHECK_SECONDS, marker_held, write_marker
from shared.events.topics import wait_for_topics
from shared.metrics import OUTBOX_BACKLOG, OUTBOX_FAILURES, OUTBOX_OLDEST, OUTBOX_PUBLISHED
from shared.settings import ServiceSettings
from shared.tracing import span_from

log = logging.getLogger(__name__)

_SELECT_UNSENT = """
SELECT seq, event_id, topic, key, type, source, subject, time, data, actor, traceparent
FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1
"""
_COUNT_UNSENT = "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
_SELECT_EPOCH = "SELECT epoch FROM owner_epoch"
_MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])"
_PURGE_SENT = "DELETE FROM outbox WHERE sent_at < now() - make_interval(days => $1)"
_PURGE_PROCESSED = "DELETE FROM processed_event WHERE processed_at < now() - make_interval(days => $1)"
# Mutations' outcomes by Idempotency-Key are kept a day (shared.web.idempotency).
_PURGE_IDEMPOTENCY_KEYS = "DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'"
HOUSEKEEPING_SECONDS = 3600


class OutboxRelay:
    def __init__(
        self,
        settings: ServiceSettings,
        dsn: str,
        channel: str,
        topics: Sequence[str] = (),
        on_new_log: Callable[[], Awaitable[int]] | None = None,
    ) -> None:
        """`on_new_log` tells every aggregate's state again (through the outbox) when the broker's log turns out
        not to be the one this service told it to (shared.events.log_marker); it returns how many it told."""
        self.settings = settings
        self.topics = list(topics)
        self.on_new_log = on_new_log
        self.new_logs = 0  # how many times this relay found the log new and republished
        self.epoch = 1
        self.dsn = dsn
        self.channel = channel
        self.lock_key = zlib.crc32(f"outbox-relay:{channel}".encode())
        self._wakeup = asyncio.Event()
        self._producer: AIOKafkaProducer | None = None
        self._backlog, self._counted_at = 0, 0.0  # the last full count of unsent rows, and when

    async def run(self) -> None:
        await keep_running(self._attempt, "outbox relay")

    async def _attempt(self) -> None:
        # Topics exist before any publish (made by the topics command, never by us), at the start and after
        # every failure (a broker replaced comes back without them): until then, events wait in the outbox.
        await wait_for_topics(self.settings, self.topics)
        try:
            await self._run_connected()
        except Exception:
            OUTBOX_FAILURES.labels(self.settings.service_name).inc()
            self._forget_gauges()
            await self._stop_producer()  # a fresh producer after the broker comes back
            raise

    async def _run_connected(self) -> None:
        conn: asyncpg.Connection = await asyncpg.connect(self.dsn)
        try:
            while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", self.lock_key):
                self._forget_gauges()  # another relay is active: it reports the outbox
                await asyncio.sleep(self.settings.outbox_sweep_seconds)
            # The owner's epoch, stamped on every event sent (a restore from a backup starts a new one).
            self.epoch = await conn.fetchval(_SELECT_EPOCH) or 1
            await conn.add_listener(self.channel, self._on_notify)
            last_housekeeping = last_marker_check = 0.0
            while True:
                if time.monotonic() - last_housekeeping > HOUSEKEEPING_SECONDS:
                    await self.housekeeping(conn)
                    last_housekeeping = time.monotonic()
                if self.on_new_log is not None and time.monotonic() - last_marker_check > CHECK_SECONDS:
                    await self.check_log()
                    last_marker_check = time.monotonic()
                published = await self.publish_pending(conn)
                if published < self.settings.outbox_batch_size:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wakeup.wait(), self.settings.outbox_sweep_seconds)
                    self._wakeup.clear()
        finally:
            with contextlib.suppress(Exception):
                await conn.close(timeout=2)

    async def check_log(self) -> None:
        """Republish everything, then mark the log, when the broker's log does not hold our marker (nothing while
        the markers topic does not exist: it is made with the others, by the topics command)."""
        assert self.on_new_log is not None
        if await marker_held(self.settings) is not False:
            return
        log.warning(
            "the broker's log holds no marker of %s: it is a new or a lost log; telling every aggregate's state again",
            self.settings.service_name,
        )
        told = await self.on_new_log()
        await write_marker(await self._ensure_producer(), self.settings, told)
        self.new_logs += 1
        log.info("%d aggregates' states are in the outbox for the new log, and the log is marked", told)

    def _forget_gauges(self) -> None:
        """A replica that is not relaying reports no outbox figures (stale ones would never clear an alert)."""
        for gauge in (OUTBOX_BACKLOG, OUTBOX_OLDEST):
            with contextlib.suppress(KeyError):
                gauge.remove(self.settings.service_name)

    async def housekeeping(self, conn: asyncpg.Connection) -> None:
        """Forget what no longer matters: long-sent events, event ids older than any redelivery, and mutations'
        outcomes by Idempotency-Key older than a day."""
        await conn.execute(_PURGE_SENT, self.settings.outbox_retention_days)
        await conn.execute(_PURGE_PROCESSED, self.settings.processed_retention_days)
        await conn.execute(_PURGE_IDEMPOTENCY_KEYS)

    def _on_notify(self, *_: Any) -> None:
        self._wakeup.set()

    async def publish_pending(self, conn: asyncpg.Connection) -> int:
        rows = await conn.fetch(_SELECT_UNSENT, self.settings.outbox_batch_size)
        # A full batch may be the head of a longer backlog: count it all, at most once a second (draining a
        # long backlog, every batch is full).
        if len(rows) < self.settings.outbox_batch_size:
            backlog = len(rows)
        elif time.monotonic() - self._counted_at >= 1.0:
            backlog = self._backlog = await conn.fetchval(_COUNT_UNSENT)
            self._counted_at = time.monotonic()
        else:
            backlog = max(len(rows), self._backlog - len(rows))
        OUTBOX_BACKLOG.labels(self.settings.service_name).set(backlog)
        OUTBOX_OLDEST.labels(self.settings.service_name).set(
            max(0.0, time.time() - rows[0]["time"].timestamp()) if rows else 0.0
        )
        if not rows:
            return 0
        producer = await self._ensure_producer()
        futures = []
        for row in rows:
            topic = self.settings.topic(row["topic"])
            with span_from(
                row["traceparent"], f"send {topic}", SpanKind.PRODUCER, {"messaging.destination.name": topic}
            ) as (_, traceparent):
                event = _envelope(row, traceparent, self.epoch)
                futures.append(
                    await producer.send(topic, event.value(), key=event.key.encode(), headers=event.headers())
                )
        results = await asyncio.gather(*futures, return_exceptions=True)
        # Mark only the acknowledged prefix: anything after a failure is sent again,
        # in order, so no aggregate's events overtake each other.
        sent: list[int] = []
        failure: BaseException | None = None
        for row, result in zip(rows, results, strict=True):
            if isinstance(result, BaseException):
                failure = result
                break
            sent.append(row["seq"])
            OUTBOX_PUBLISHED.labels(self.settings.service_name, row["topic"]).inc()
        if sent:
            await conn.execute(_MARK_SENT, sent)
        if failure is not None:
            raise failure
        return len(sent)

    async def _ensure_producer(self) -> AIOKafkaProducer:
        if self._producer is None:
            producer = create_producer(self.settings)
            await producer.start()
            self._producer = producer
        return self._producer

    async def _stop_producer(self) -> None:
        if self._producer is not None:
            producer, self._producer = self._producer, None
            with contextlib.suppress(Exception):
                await producer.stop()

    async def close(self) -> None:
        await self._stop_producer()


def _envelope(row: asyncpg.Record, traceparent: str | None, epoch: int) -> CloudEvent:
    data = row["data"]
    return CloudEvent(
        id=str(row["event_id"]),
        source=row["source"],
        type=row["type"],
        time=row["time"],
        key=row["key"],
        data=json.loads(data) if isinstance(data, str) else data,
        topic=row["topic"],
        subject=row["subject"],
        actor=row["actor"],
        traceparent=traceparent,
        owner_epoch=epoch,
    )
