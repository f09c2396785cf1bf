"""Rebuild a read model from its topics, from the beginning: `python -m <service> rebuild <consumer>`.

In one transaction: take the consumer's lock alone (its live transactions wait, so it pauses), empty
the copies its handlers keep and forget which events it processed, then apply every record up to the
topics' current ends and commit. Readers see the old copy until the commit and the whole new one after,
never half of one. The live consumer then carries on from its committed offsets; what the rebuild
applied is recorded as processed, so nothing is applied twice. Its offsets stay the group's: a group
with members cannot be moved from outside, and it has no need to be.

The state topics are compacted, so their beginning holds every aggregate's latest state. A topic that
holds nothing (an emptied broker) cannot rebuild anything: the command refuses, naming the owner's
republish command to run first.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiokafka import TopicPartition
from sqlalchemy import delete, func, select

from shared.auth import EVENTS
from shared.db import UnitOfWork
from shared.events.consumer import EventConsumer
from shared.events.envelope import CloudEvent
from shared.events.kafka import create_consumer
from shared.events.topics import partitions_of, records_held

log = logging.getLogger(__name__)


class RebuildRefused(Exception):
    """The topics cannot rebuild the copy as they are: the message says what to do first."""


@dataclass
class Rebuilt:
    records: int = 0
    applied: int = 0
    skipped: int = 0  # not the owner's, a type the consumer does not handle, or failing for its own sake
    seconds: float = 0.0


async def rebuild(consumer: EventConsumer, progress: Callable[[int, int], None] | None = None) -> Rebuilt:
    settings, topics = consumer.settings, list(consumer.handlers)
    held = await records_held(settings, topics)
    empty = [topic for topic, count in held.items() if count == 0]
    if empty:
        owners = {getattr(consumer.handlers[t], "contract", None) for t in empty}
        asks = "; ".join(f"python -m {c.owner} republish --topic {c.topic}" for c in owners if c is not None)
        raise RebuildRefused(f"{', '.join(empty)} hold(s) no record: ask the owner to republish first ({asks})")
    read_models = [model for topic in topics for model in getattr(consumer.handlers[topic], "read_models", ())]
    started, result = time.perf_counter(), Rebuilt()
    kafka = create_consumer(settings, f"{consumer.group_id}.rebuild", [])
    await kafka.start()
    try:
        partitions = [TopicPartition(topic, p) for topic in topics for p in sorted(await partitions_of(kafka, topic))]
        kafka.assign(partitions)
        await kafka.seek_to_beginning(*partitions)
        ends = await kafka.end_offsets(partitions)
        total = 0
        for tp, end in ends.items():
            total += end - await kafka.position(tp)
        async with consumer.sessionmaker() as session:
            await session.execute(select(func.pg_advisory_xact_lock(consumer.pause_lock)))
            for model in read_models:
                await session.execute(delete(model))
            await session.execute(delete(consumer.processed).where(consumer.processed.c.consumer == consumer.name))
            while [tp for tp, end in ends.items() if await kafka.position(tp) < end]:
                batches = await kafka.getmany(*partitions, timeout_ms=500, max_records=500)
                # Whole batches, even past the ends read at the start (what came since is applied once too;
                # the embedded broker reports a partition's end as its last batch's first offset + 1).
                for records in batches.values():
                    for record in records:
                        await _apply(consumer, session, record, result)
                if progress is not None and batches:
                    progress(result.records, max(total, result.records))
            await session.commit()
    finally:
        with contextlib.suppress(Exception):
            await kafka.stop()
    result.seconds = time.perf_counter() - started
    log.info(
        "rebuilt %s: %d records, %d applied, %d skipped in %.1fs",
        consumer.name,
        result.records,
        result.applied,
        result.skipped,
        result.seconds,
    )
    return result


async def _apply(consumer: EventConsumer, session: Any, record: Any, result: Rebuilt) -> None:
    result.records += 1
    try:
        event = CloudEvent.from_record(record.topic, record.key, record.value, record.headers)
    except ValueError:
        result.skipped += 1
        return
    handler = consumer.handlers.get(record.topic, {}).get(event.type)
    if handler is None or consumer.stranger(event) is not None:
        result.skipped += 1
        return
    # Each event in a savepoint: one that fails for its own sake (the live consumer sent it to the dead
    # letters) is left out, and the rest of the rebuild goes on.
    try:
        async with session.begin_nested():
            uow = UnitOfWork(session, consumer.outbox, EVENTS, None, on_behalf_of=event.actor)
            await consumer.apply_in(uow, event, handler)
            await uow.flush()
        result.applied += 1
    except Exception as exc:  # noqa: BLE001 - told and counted; the rebuild goes on
        log.warning("rebuild of %s leaves out %s %s: %s", consumer.name, event.type, event.id, exc)
        result.skipped += 1
