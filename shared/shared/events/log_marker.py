"""Whether the broker's log is the one a service told its state to: a marker record of the service's own.

A broker that lost its log (an in-memory broker restarted, a cluster replaced, topics deleted and made again)
answers like any other; only what it holds tells. Each owner, having told the broker every aggregate's state,
writes a marker on `hub.log-markers` keyed by its name. Its relay (the one that publishes, shared.events.relay)
looks for the marker every `CHECK_SECONDS`: missing while the topic exists, the log is new, so the owner
republishes every aggregate through its outbox (in order with its changes) and writes the marker again. Whether
an outbox happened to drain into the new log first changes nothing.
"""

from __future__ import annotations

import asyncio
import json
import time

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from shared.events.kafka import close_consumer, connection_options, create_producer
from shared.settings import ServiceSettings

MARKERS_TOPIC = "hub.log-markers"
CHECK_SECONDS = 10.0


async def marker_held(settings: ServiceSettings, seconds: float = 15.0) -> bool | None:
    """Whether the markers topic holds this service's marker; None while the topic does not exist (the topics
    command has not run on this broker yet). Read from the beginning (the topic is small, and a broker may
    report an end below what it holds): TimeoutError past `seconds`."""
    topic = settings.topic(MARKERS_TOPIC)
    wanted = settings.service_name.encode()
    consumer = AIOKafkaConsumer(
        **connection_options(settings),
        enable_auto_commit=False,
        client_id=f"{settings.service_name}-log-marker",
        request_timeout_ms=10_000,
    )
    try:
        async with asyncio.timeout(seconds):
            await consumer.start()
            if topic not in await consumer.topics():  # asks the broker for its metadata
                return None
            assigned = TopicPartition(topic, 0)  # one partition (deploy/topics.yaml): every marker in order
            consumer.assign([assigned])
            await consumer.seek_to_beginning(assigned)
            end = (await consumer.end_offsets([assigned]))[assigned]
            quiet = 0  # empty fetches in a row: a slow first fetch is no proof of an empty log
            while quiet < 3 or await consumer.position(assigned) < end:
                batches = await consumer.getmany(timeout_ms=300, max_records=1000)
                if any(record.key == wanted for records in batches.values() for record in records):
                    return True
                quiet = 0 if batches else quiet + 1
            return False
    finally:
        await close_consumer(consumer, 5.0)


async def write_marker(producer: AIOKafkaProducer, settings: ServiceSettings, republished: int) -> None:
    """This service's marker: it told this log every aggregate's state (`republished` of them just now)."""
    value = {
        "service": settings.service_name,
        "writtenAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "republished": republished,
    }
    await producer.send_and_wait(
        settings.topic(MARKERS_TOPIC), json.dumps(value).encode(), key=settings.service_name.encode()
    )


async def mark_log(settings: ServiceSettings) -> None:
    """Mark the log as told by a service whose database is new (it has nothing to tell): for tests, which write
    while the service runs and read its topics, and must not find a republish among their events."""
    producer = create_producer(settings)
    await producer.start()
    try:
        await write_marker(producer, settings, 0)
    finally:
        await producer.stop()
