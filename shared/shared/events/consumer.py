"""The one consumer mechanism: apply each event once, in its own transaction, then commit the offset.

Idempotent: the event id goes into `processed_event` in the same transaction as the
effect, so a redelivered event changes nothing. Two kinds of failure are told apart:
when our own infrastructure fails (the database or the broker is away), the consumer
waits and retries, backing off, for as long as the outage lasts, and nothing is parked;
an event that fails for its own sake is retried a few times, then sent to
`<topic>.dlq` with the error and the consuming service and group, and the partition
moves on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, ConsumerRecord, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError
from opentelemetry.trace import SpanKind
from sqlalchemy import Table, func, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.auth import EVENTS
from shared.db import UnitOfWork, causes, database_unreachable, sqlstate_of
from shared.events.envelope import CloudEvent
from shared.events.heal import state_request
from shared.events.kafka import close_consumer, create_consumer, create_producer
from shared.events.outbox import OutboxWriter
from shared.events.topics import partitions_of, wait_for_topics
from shared.metrics import CONSUMER_LAG, CONSUMER_RESTARTS, EVENTS_CONSUMED
from shared.readmodel import VERSION_GAPS
from shared.settings import ServiceSettings
from shared.tracing import span_from

log = logging.getLogger(__name__)

EventHandler = Callable[[UnitOfWork, CloudEvent], Awaitable[None]]


class _Noting(ConsumerRebalanceListener):  # type: ignore[misc]  # aiokafka declares it untyped
    """Notes which partitions were assigned, for the consumer's loop to ask their committed offsets.

    It asks the broker nothing itself: it runs inside aiokafka's coordination task, where a call that waits on
    an absent broker holds up the client's close for good (and with it, the group's partitions)."""

    def __init__(self, assigned: set[TopicPartition]) -> None:
        self.assigned = assigned

    async def on_partitions_revoked(self, revoked: Any) -> None:
        self.assigned.difference_update(revoked)

    async def on_partitions_assigned(self, assigned: Any) -> None:
        self.assigned.update(assigned)


class BrokerForgot(Exception):
    """The broker does not hold the offsets this consumer committed: its log is not the one we read."""


class BrokerCallTimedOut(TimeoutError):
    """A call to the broker did not return within its bound."""


class _NotFromTheOwner(Exception):
    """An event on a topic from another source than the topic's owner."""


class EventConsumer:
    def __init__(
        self,
        name: str,
        settings: ServiceSettings,
        sessionmaker: async_sessionmaker[AsyncSession],
        processed: Table,
        outbox: OutboxWriter,
        handlers: Mapping[str, Mapping[str, EventHandler]],
    ) -> None:
        """`handlers` maps a logical topic to {event type: handler}; other types are skipped."""
        self.name = name
        self.group_id = f"{settings.topic_prefix}{settings.service_name}.{name}"
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.processed = processed
        self.outbox = outbox
        self.handlers = {settings.topic(topic): by_type for topic, by_type in handlers.items()}
        self._dlq: AIOKafkaProducer | None = None
        self.caught_up = asyncio.Event()
        # Per topic, records behind the end as of the last look; None where the broker reports an end below our
        # position (the development broker does, for compacted topics): unknown, never claimed to be 0.
        self.lag: dict[str, int | None] = {}
        self.positions: dict[str, int] = {}  # per assigned partition: the next offset to read
        self.last_applied_at: float | None = None
        self.restarts = 0
        self.dead_lettered = 0
        # Why the watchdog last restarted this consumer, until it moves again.
        self.stalled_because: str | None = None
        # Monotonic times the watchdog reads: the loop's last turn, the broker's last answer to a request of
        # the loop's own, and the last progress (something applied, nothing to apply, or an outage waited out).
        self._turned_at = self._answered_at = self._progressed_at = time.monotonic()
        self._failures = 0  # restarts in a row: the first is told, the rest only counted
        self._first_failure = ""
        self._told: set[tuple[str, str]] = set()  # unknown (topic, type) already logged
        self.pause_lock = consumer_lock(name)

    def state(self) -> dict[str, Any]:
        """What `/status` tells of this consumer."""
        last = self.last_applied_at
        return {
            "group": self.group_id,
            "caughtUp": self.caught_up.is_set(),
            "lag": dict(self.lag),
            "lastAppliedAt": None if last is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(last)),
            "secondsSinceProgress": round(time.monotonic() - self._progressed_at, 1),
            "positions": self.positions,
            "restarts": self.restarts,
            "stalled": self.stalled_because,
        }

    @property
    def call_seconds(self) -> float:
        """How long one call to the broker may take: within the stall limit, so the call's own reason is told,
        and short enough that a call made while the broker was away does not hold the consumer up long after."""
        return max(1.0, min(self.settings.consumer_stall_seconds * 0.75, MAX_CALL_SECONDS))

    async def run(self) -> None:
        """Consume for good: a failed consumer starts again (backing off to 10 s), and so does one that
        stalls (stuck in a call, unanswered by the broker, or behind without applying anything for
        `consumer_stall_seconds`), with a new connection to the broker, which is how it finds a replaced
        broker again. Nothing but the service's own stop ends it."""
        try:
            await self._run_attempts()
        finally:
            await self.close()

    async def _run_attempts(self) -> None:
        backoff = 0.5
        while True:
            try:
                reason = await self._attempt()
            except asyncio.CancelledError:
                if _cancelled_by_us():
                    raise
                reason = "failed"  # a cancellation nobody asked for came out of the Kafka client
                log.warning("consumer %s: the Kafka client cancelled a call of ours; starting again", self.name)
            except Exception:  # a bug of ours: told with its stack, and the consumer goes on
                reason = "failed"
                log.exception("consumer %s failed", self.name)
            self.restarts += 1
            CONSUMER_RESTARTS.labels(self.settings.service_name, self.name, reason).inc()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 10.0) if reason == "failed" else 0.5

    async def _attempt(self) -> str:
        self._turned_at = self._answered_at = self._progressed_at = time.monotonic()
        task = asyncio.create_task(self._consume(), name=f"consume-{self.name}")
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=WATCH_SECONDS)
                if done:
                    self._tell_restart(f"failed: {_why_it_ended(task)}")
                    return "failed"
                stalled = self.stalled(time.monotonic())
                if stalled:
                    self.stalled_because = stalled
                    self._tell_restart(f"stalled: {stalled}")
                    return "stalled"
        finally:
            if not task.done():
                task.cancel()
                # Bounded: its close is (shared.events.kafka.close_consumer), but a restart must never wait on it.
                await asyncio.wait({task}, timeout=self.call_seconds + 5)

    def _tell_restart(self, why: str) -> None:
        """The first restart of a run of them is a warning; the rest (a broker away for minutes) are counted, and
        told with the first when the consumer moves again."""
        self._failures += 1
        if self._failures == 1:
            self._first_failure = why
            log.warning("consumer %s restarts, %s", self.name, why)
        else:
            log.debug("consumer %s restarts again (%d in a row), %s", self.name, self._failures, why)

    def _moved(self) -> None:
        """Progress: the watchdog's clock starts again, and a run of restarts is over."""
        self._progressed_at = time.monotonic()
        if self._failures:
            log.info(
                "consumer %s moves again after %d restart(s); the first %s",
                self.name,
                self._failures,
                self._first_failure,
            )
        self._failures, self.stalled_because = 0, None

    def stalled(self, now: float) -> str | None:
        """Why this consumer should start again, if it should."""
        limit = self.settings.consumer_stall_seconds
        if now - self._turned_at > limit:
            return f"stuck in a call to the broker for {now - self._turned_at:.0f}s"
        if now - self._answered_at > limit:
            return f"no answer from the broker for {now - self._answered_at:.0f}s"
        behind = sum(lag for lag in self.lag.values() if lag)
        if behind and now - self._progressed_at > limit:
            return f"{behind} records behind and nothing applied for {now - self._progressed_at:.0f}s"
        return None

    @contextlib.asynccontextmanager
    async def _broker_call(self, what: str) -> AsyncIterator[None]:
        """Bounds one call to the broker: past `call_seconds` it fails, and the consumer starts again."""
        try:
            async with asyncio.timeout(self.call_seconds):
                yield
        except TimeoutError as timed_out:
            raise BrokerCallTimedOut(f"{what} did not return within {self.call_seconds:.0f}s") from timed_out

    async def _consume(self) -> None:
        await wait_for_topics(self.settings, self.handlers, waiting=self._waiting, seconds=self.call_seconds)
        # The offsets the group holds as each partition is assigned, then those this attempt commits: a broker
        # that no longer holds them lost its log.
        committed: dict[TopicPartition, int] = {}
        assigned: set[TopicPartition] = set()  # assigned since the loop last asked their committed offsets
        consumer = create_consumer(self.settings, self.group_id, [])
        consumer.subscribe(list(self.handlers), listener=_Noting(assigned))
        try:
            async with self._broker_call("joining the group"):
                await consumer.start()
            checked = 0.0
            while True:
                if assigned:
                    await self._note_committed(consumer, assigned, committed)
                async with self._broker_call("a fetch"):
                    batches = await consumer.getmany(timeout_ms=500, max_records=500)
                if not batches:
                    self.caught_up.set()
                for partition, records in batches.items():
                    await self.process_batch(records)
                    async with self._broker_call("a commit"):
                        await consumer.commit({partition: records[-1].offset + 1})
                    committed[partition] = records[-1].offset + 1
                    self.last_applied_at = time.time()
                    self._answered_at = time.monotonic()
                    self._moved()
                if time.monotonic() - checked > CHECK_SECONDS:
                    await self._check(consumer, committed)
                    checked = time.monotonic()
                self._turned_at = time.monotonic()
                if not batches and not any(self.lag.values()):
                    self._moved()  # nothing to apply: idle, not stalled
        finally:
            # Leave the group even when cancelled, so a restarted service is not kept waiting; and leave no
            # client behind that would go on holding partitions.
            # (The dead-letter producer outlives an attempt: an abandoned attempt must not stop the next one's.)
            problem = await close_consumer(consumer, COMMIT_SECONDS)
            if problem:
                log.info("consumer %s: its Kafka client was abandoned: %s", self.name, problem)

    def _waiting(self) -> None:
        """Waiting for topics that do not exist yet is not being stuck."""
        self._turned_at = self._answered_at = time.monotonic()

    async def _note_committed(
        self, consumer: AIOKafkaConsumer, assigned: set[TopicPartition], committed: dict[TopicPartition, int]
    ) -> None:
        for partition in list(assigned):
            async with self._broker_call("asking a committed offset"):
                held = await consumer.committed(partition)
            if held is not None:
                committed[partition] = max(held, committed.get(partition, held))
            assigned.discard(partition)
        for partition in set(committed) - consumer.assignment():
            committed.pop(partition)  # revoked: another member reads it now

    async def _check(self, consumer: AIOKafkaConsumer, committed: dict[TopicPartition, int]) -> None:
        """A round trip to the broker every few seconds: whether it still holds our offsets, and the ends of our
        partitions, asked anew (a fetcher that died would leave the ends it last saw)."""
        partitions = sorted(consumer.assignment())
        await self._check_remembered(consumer, committed, partitions)
        async with self._broker_call("asking the topics' ends"):
            ends = await consumer.end_offsets(partitions) if partitions else {}
        lag: dict[str, int | None] = dict.fromkeys(self.handlers, 0)
        positions = {}
        for partition in partitions:
            async with self._broker_call("a position"):
                position = await consumer.position(partition)
            positions[f"{partition.topic}[{partition.partition}]"] = position
            lag[partition.topic] = lag_of(lag.get(partition.topic), ends.get(partition), position)
        for topic, behind in lag.items():
            if behind is not None:
                CONSUMER_LAG.labels(self.settings.service_name, self.name, topic).set(behind)
        self.lag, self.positions = lag, positions
        self._answered_at = time.monotonic()

    async def _check_remembered(
        self, consumer: AIOKafkaConsumer, committed: dict[TopicPartition, int], partitions: Iterable[TopicPartition]
    ) -> None:
        """A broker that no longer holds the offsets we committed lost its data (replaced, or in memory and
        restarted): this consumer's positions mean nothing there, so it starts again, joins the group anew
        and reads what the new log holds from its beginning (what it applied already is skipped by id)."""
        for partition in partitions:
            ours = committed.get(partition)
            if ours is None:
                continue
            async with self._broker_call("asking a committed offset"):
                held = await consumer.committed(partition)
            if held is None or held < ours:
                raise BrokerForgot(
                    f"the broker holds offset {held} of {partition.topic}[{partition.partition}] for "
                    f"{self.group_id}, which committed {ours}: it lost its log"
                )

    async def catch_up(self, timeout: float = 120.0) -> int:
        """Apply everything on the topics up to their current end, commit, and stop; for seeds that
        need a read model filled before they run. Returns how many records were read.

        Partitions are assigned by hand, not by joining the group: the offsets are committed for the group
        while it is empty. Once the service's own consumer has joined it (the service serves while it is
        seeded), the broker refuses such commits; that is harmless, since every event applied here is
        recorded as processed with its effect, so the service's consumer skips it, and catching up goes on."""
        await wait_for_topics(self.settings, self.handlers)
        consumer = create_consumer(self.settings, self.group_id, [])
        await consumer.start()
        read, committing = 0, True
        try:
            async with asyncio.timeout(timeout):
                partitions = []
                for topic in self.handlers:
                    partitions += [TopicPartition(topic, p) for p in sorted(await partitions_of(consumer, topic))]
                consumer.assign(partitions)
                committed = {tp: await consumer.committed(tp) for tp in partitions}
                for tp, offset in committed.items():
                    if offset is None:
                        await consumer.seek_to_beginning(tp)
                ends = await consumer.end_offsets(partitions)
                while [tp for tp, end in ends.items() if await consumer.position(tp) < end]:
                    batches = await consumer.getmany(timeout_ms=500, max_records=500)
                    for partition, records in batches.items():
                        await self.process_batch(records)
                        read += len(records)
                        if committing:
                            try:
                                await consumer.commit({partition: records[-1].offset + 1})
                            except CommitFailedError:
                                committing = False  # the group has members now: they commit for it
        finally:
            await close_consumer(consumer, COMMIT_SECONDS)
        return read

    async def process_batch(self, records: list[ConsumerRecord]) -> None:
        """Many events in one transaction, the fast path; if any of them fails, the batch rolls back
        and each event is applied on its own, with retries and the dead-letter topic."""
        try:
            events = [(CloudEvent.from_record(r.topic, r.key, r.value, r.headers), r) for r in records]
            if any(self.stranger(event) for event, _ in events):
                raise _NotFromTheOwner  # each on its own below: the strangers' go to the dead letters
            async with self.sessionmaker() as session:
                await self._wait_if_paused(session)
                for event, record in events:
                    handler = self.handlers.get(record.topic, {}).get(event.type)
                    if handler is not None:
                        with span_from(
                            event.traceparent,
                            f"apply {event.type}",
                            SpanKind.CONSUMER,
                            {"messaging.consumer.group.name": self.group_id},
                        ) as (_, traceparent):
                            uow = UnitOfWork(session, self.outbox, EVENTS, traceparent, on_behalf_of=event.actor)
                            await self.apply_in(uow, event, handler)
                            await uow.flush()
                await session.commit()
            EVENTS_CONSUMED.labels(self.settings.service_name, self.name, "applied").inc(len(records))
        except Exception:
            for record in records:
                await self.process(record)

    async def process(self, record: Any) -> None:
        """One record (a ConsumerRecord, or a dead letter's original being replayed)."""
        try:
            event = CloudEvent.from_record(record.topic, record.key, record.value, record.headers)
        except Exception as exc:  # not ours to read: park it, never block the partition
            await self._dead_letter(record, exc)
            return
        stranger = self.stranger(event)
        if stranger is not None:
            log.warning("%s dead-letters %s %s: %s", self.name, event.type, event.id, stranger)
            await self._dead_letter(record, _NotFromTheOwner(stranger))
            return
        handler = self.handlers.get(record.topic, {}).get(event.type)
        if handler is None:
            self._unknown(event)
            return
        attempt, outage = 0, 0
        while True:
            try:
                outcome = await self.apply(event, handler)
                EVENTS_CONSUMED.labels(self.settings.service_name, self.name, outcome).inc()
                if outage:
                    log.info("%s resumed after %d failed tries against its infrastructure", self.name, outage)
                return
            except Exception as exc:
                if failed_for_infrastructure(exc):
                    outage += 1
                    # Waiting out a known outage (or a rebuild) is not a stall: a restart would not help.
                    self._turned_at = self._answered_at = self._progressed_at = time.monotonic()
                    log.warning(
                        "%s waits for its infrastructure (%s: %s); retrying %s %s",
                        self.name,
                        type(exc).__name__,
                        exc,
                        event.type,
                        event.id,
                    )
                    await asyncio.sleep(min(0.5 * 2 ** min(outage, 5), MAX_OUTAGE_BACKOFF))
                    continue
                attempt += 1
                log.warning("%s failed on %s %s (attempt %d): %s", self.name, event.type, event.id, attempt, exc)
                if attempt >= self.settings.consumer_max_attempts:
                    await self._dead_letter(record, exc)
                    return
                await asyncio.sleep(0.2 * 2**attempt)

    async def apply(self, event: CloudEvent, handler: EventHandler) -> str:
        with span_from(
            event.traceparent,
            f"apply {event.type}",
            SpanKind.CONSUMER,
            {"messaging.consumer.group.name": self.group_id},
        ) as (_, traceparent):
            async with self.sessionmaker() as session:
                await self._wait_if_paused(session)
                uow = UnitOfWork(session, self.outbox, EVENTS, traceparent, on_behalf_of=event.actor)
                async with uow:
                    applied = await self.apply_in(uow, event, handler)
        return "applied" if applied else "duplicate"

    async def _wait_if_paused(self, session: AsyncSession) -> None:
        """Every transaction of this consumer shares its lock; a rebuild holds it alone (shared.events.rebuild),
        so the consumer waits while its read model is rebuilt, and carries on after."""
        await session.execute(select(func.pg_advisory_xact_lock_shared(self.pause_lock)))

    async def apply_in(self, uow: UnitOfWork, event: CloudEvent, handler: EventHandler) -> bool:
        """The effect and the record that it happened, in the caller's transaction; False if seen before."""
        first_time = await uow.session.scalar(
            insert(self.processed)
            .values(consumer=self.name, event_id=event.id, topic=event.topic)
            .on_conflict_do_nothing()
            .returning(self.processed.c.event_id)
        )
        if first_time is None:
            return False
        uow.session.info.pop(VERSION_GAPS, None)
        await handler(uow, event)
        gaps = uow.session.info.pop(VERSION_GAPS, None)
        if gaps:
            self._ask_the_owner(uow, event, *gaps[0])
        return True

    def _ask_the_owner(self, uow: UnitOfWork, event: CloudEvent, held: int, seen: int) -> None:
        """A copy skipped versions of the event's aggregate: its owner is asked for its state (shared.events.heal),
        through our outbox, with the change."""
        contract = getattr(self.handlers.get(event.topic), "contract", None)
        if contract is not None:
            uow.publish(
                state_request(contract.owner, contract.topic, event.key, held, seen, self.settings.service_name)
            )

    def stranger(self, event: CloudEvent) -> str | None:
        """Why an event may not be applied: its source is not the owner its topic's contract names."""
        contract = getattr(self.handlers.get(event.topic, {}), "contract", None)
        if contract is None or event.source == contract.source:
            return None
        return f"{event.source} is not {contract.topic}'s owner ({contract.source})"

    def _unknown(self, event: CloudEvent) -> None:
        """A type the owner publishes that this consumer does not know (a newer owner): counted, told once."""
        EVENTS_CONSUMED.labels(self.settings.service_name, self.name, "unknown_type").inc()
        if (event.topic, event.type) not in self._told:
            self._told.add((event.topic, event.type))
            log.warning("%s skips events of type %s on %s, which it does not know", self.name, event.type, event.topic)

    async def close(self) -> None:
        """Stop the dead-letter producer (when `run` ends, or after replaying dead letters), within a bound."""
        dlq, self._dlq = self._dlq, None
        if dlq is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(COMMIT_SECONDS):
                    await dlq.stop()

    async def _dead_letter(self, record: Any, error: Exception) -> None:
        EVENTS_CONSUMED.labels(self.settings.service_name, self.name, "dead_lettered").inc()
        self.dead_lettered += 1
        if self._dlq is None:
            self._dlq = create_producer(self.settings)
            await self._dlq.start()
        headers = list(record.headers) + [
            ("dlq_error", str(error)[:1000].encode()),
            ("dlq_consumer", self.name.encode()),
            ("dlq_service", self.settings.service_name.encode()),
            ("dlq_group", self.group_id.encode()),
            ("dlq_offset", str(record.offset).encode()),
        ]
        await self._dlq.send_and_wait(f"{record.topic}.dlq", record.value, key=record.key, headers=headers)


# An outage is retried for as long as it lasts; between tries, at most this long.
MAX_OUTAGE_BACKOFF = 10.0
# How often the watchdog looks, and how long a commit (or leaving the group) may take.
WATCH_SECONDS = 2.0
COMMIT_SECONDS = 15.0
# The longest one call to the broker may take (a request times out after 15 s; joining a group waits for its
# other members for a few seconds more).
MAX_CALL_SECONDS = 20.0
# How often a consumer asks the broker whether it still holds the offsets it committed, and its topics' ends.
CHECK_SECONDS = 5.0

# SQLSTATE classes of a database that is away or overloaded, not of a bad event: connection
# exception, insufficient resources, operator intervention (shutdown, cannot connect now),
# and a serialization failure or deadlock, which a retry resolves.
_OUTAGE_SQLSTATES = ("08", "53", "57", "40001", "40P01")


def lag_of(so_far: int | None, end: int | None, position: int) -> int | None:
    """A topic's lag with one more partition: None (unknown) once any partition's reported end is below what was
    read from it, which a broker reporting a wrong end does; a lag of 0 would claim it was caught up."""
    if so_far is None or end is None or position > end:
        return None
    return so_far + end - position


def _cancelled_by_us() -> bool:
    """Whether the running task was asked to stop (as opposed to a CancelledError leaking from a library)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _why_it_ended(task: asyncio.Task[None]) -> str:
    if task.cancelled():
        return "the Kafka client cancelled a call of ours"
    error = task.exception()
    return f"{type(error).__name__}: {error}"


def consumer_lock(name: str) -> int:
    """The advisory lock a consumer's transactions share and its rebuild takes alone (per database)."""
    return zlib.crc32(f"partnership-hub:consumer:{name}".encode())


def failed_for_infrastructure(error: BaseException) -> bool:
    """True when the failure is our database's or broker's, not the event's own (an outage, an overload, or a
    race a retry resolves)."""
    if database_unreachable(error):
        return True
    return any(
        isinstance(cause, (KafkaError, sa_exc.OperationalError))
        or (sqlstate_of(cause) or "").startswith(_OUTAGE_SQLSTATES)
        for cause in causes(error)
    )
