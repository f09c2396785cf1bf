"""A service's dead letters: list, show and replay them (`python -m <service> dead-letters ...`).

A consumer sends an event it cannot apply to `<topic>.dlq`, with the original headers and the error
(`dlq_error`, `dlq_consumer`, `dlq_service`, `dlq_group`, `dlq_offset`). After a fix, replay hands such
an event back to the consumer that failed on it, in this service only (the owner alone writes the
original topic, and the other readers applied it already): applied once, as any event, or dead-lettered
again with the new error. A dead letter whose event the consumer has applied since shows as `applied`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import TopicPartition
from sqlalchemy import select, tuple_

from shared.events.kafka import create_consumer
from shared.events.topics import partitions_of

DLQ_SUFFIX = ".dlq"


@dataclass(frozen=True)
class DeadLetter:
    """One record of a `.dlq` topic, as the consumer that parked it left it."""

    topic: str  # the original topic
    partition: int
    offset: int  # in the .dlq topic
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...]

    def header(self, name: str) -> str | None:
        found = [value for key, value in self.headers if key == name]
        return found[-1].decode(errors="replace") if found else None

    @property
    def event_id(self) -> str:
        return self.header("ce_id") or f"{self.partition}:{self.offset}"

    @property
    def consumer(self) -> str:
        return self.header("dlq_consumer") or ""

    @property
    def original(self) -> ReplayedRecord:
        """The record as it was first delivered: its own headers, without the dead-letter ones."""
        headers = [(k, v) for k, v in self.headers if not k.startswith("dlq_")]
        return ReplayedRecord(self.topic, self.key, self.value, headers, int(self.header("dlq_offset") or -1))

    def summary(self, applied: bool) -> dict[str, Any]:
        return {
            "id": self.event_id,
            "type": self.header("ce_type"),
            "source": self.header("ce_source"),
            "topic": self.topic,
            "consumer": self.consumer,
            "error": self.header("dlq_error"),
            "at": f"{self.topic}{DLQ_SUFFIX}[{self.partition}]@{self.offset}",
            "state": "applied" if applied else "waiting",
        }

    def details(self, applied: bool) -> dict[str, Any]:
        try:
            data: Any = json.loads(self.value) if self.value else None
        except ValueError:
            data = (self.value or b"").decode(errors="replace")
        return {
            **self.summary(applied),
            "key": (self.key or b"").decode(errors="replace"),
            "headers": {k: v.decode(errors="replace") for k, v in self.headers},
            "data": data,
        }


@dataclass(frozen=True)
class ReplayedRecord:
    """What EventConsumer.process reads of a record."""

    topic: str
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]]
    offset: int


async def read_dead_letters(runtime: Any, consumers: Iterable[Any]) -> list[DeadLetter]:
    """This service's dead letters on the `.dlq` topics of what its consumers read, oldest first."""
    consumers = list(consumers)
    names = {consumer.name for consumer in consumers}
    topics = sorted({topic for consumer in consumers for topic in consumer.handlers})
    kafka = create_consumer(runtime.settings, f"{runtime.settings.service_name}.dead-letters", [])
    await kafka.start()
    letters: list[DeadLetter] = []
    try:
        partitions = [
            TopicPartition(topic + DLQ_SUFFIX, p)
            for topic in topics
            for p in sorted(await partitions_of(kafka, topic + DLQ_SUFFIX))
        ]
        kafka.assign(partitions)
        await kafka.seek_to_beginning(*partitions)
        ends = await kafka.end_offsets(partitions)
        while [tp for tp, end in ends.items() if await kafka.position(tp) < end]:
            for partition, records in (await kafka.getmany(*partitions, timeout_ms=500)).items():
                for record in records:
                    letter = DeadLetter(
                        partition.topic.removesuffix(DLQ_SUFFIX),
                        partition.partition,
                        record.offset,
                        record.key,
                        record.value,
                        tuple(record.headers),
                    )
                    if letter.header("dlq_service") == runtime.settings.service_name and letter.consumer in names:
                        letters.append(letter)
    finally:
        with contextlib.suppress(Exception):
            await kafka.stop()
    return letters


async def applied_since(runtime: Any, letters: Sequence[DeadLetter]) -> set[tuple[str, str]]:
    """(consumer, event id) of the letters whose event their consumer has applied (after a replay)."""
    if not letters:
        return set()
    processed = runtime.metadata.tables["processed_event"]
    pairs = [(letter.consumer, letter.event_id) for letter in letters]
    async with runtime.sessionmaker() as session:
        rows = await session.execute(
            select(processed.c.consumer, processed.c.event_id).where(
                tuple_(processed.c.consumer, processed.c.event_id).in_(pairs)
            )
        )
        return {(consumer, event_id) for consumer, event_id in rows.all()}


async def replay(runtime: Any, letters: Sequence[DeadLetter]) -> dict[str, int]:
    """Hand each event back to its consumer (once, however many times it was parked); counts of what became of
    the events: applied now, applied before, parked again, or neither (a type the consumer skips)."""
    before = await applied_since(runtime, letters)
    events = {(letter.consumer, letter.event_id): letter for letter in letters}
    waiting = [letter for pair, letter in events.items() if pair not in before]
    consumers: dict[str, Any] = {}
    again = 0
    try:
        for letter in waiting:
            if letter.consumer not in consumers:
                consumers[letter.consumer] = runtime.consumer(letter.consumer)
            consumer = consumers[letter.consumer]
            parked = consumer.dead_lettered
            await consumer.process(letter.original)
            again += consumer.dead_lettered - parked
    finally:
        for consumer in consumers.values():
            await consumer.close()
    after = await applied_since(runtime, waiting)
    return {
        "applied": len(after),
        "already applied": len(events) - len(waiting),
        "dead-lettered again": again,
        "skipped": len(waiting) - len(after) - again,
    }
