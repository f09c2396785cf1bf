"""Live events for GraphQL subscriptions: this process tails its own topics and fans them out.

One consumer per process (no consumer group: every instance sees every event), started
with the first subscriber and reading from the end, so a subscription sees what
happens after it starts. A subscriber that falls behind loses its oldest events
rather than slowing the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from aiokafka import AIOKafkaConsumer

from shared.events.envelope import CloudEvent
from shared.events.kafka import keep_running
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

QUEUE_SIZE = 1000


class LiveEvents:
    def __init__(self, settings: ServiceSettings, topics: list[str]) -> None:
        self.settings = settings
        self.topics = [settings.topic(t) for t in topics]
        self._subscribers: set[asyncio.Queue[CloudEvent]] = set()
        self._task: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()

    async def subscribe(self, topic: str) -> AsyncIterator[CloudEvent]:
        queue: asyncio.Queue[CloudEvent] = asyncio.Queue(QUEUE_SIZE)
        self._subscribers.add(queue)
        if self._task is None:
            self._task = asyncio.create_task(keep_running(self._tail, "live events"), name="live-events")
        wanted = self.settings.topic(topic)
        try:
            while True:
                event = await queue.get()
                if event.topic == wanted:
                    yield event
        finally:
            self._subscribers.discard(queue)

    async def _tail(self) -> None:
        consumer = AIOKafkaConsumer(*self.topics, bootstrap_servers=self.settings.kafka_bootstrap_servers,
                                    enable_auto_commit=False, auto_offset_reset="latest",
                                    metadata_max_age_ms=5_000)
        await consumer.start()
        try:
            while True:
                batches = await consumer.getmany(timeout_ms=500)
                self.listening.set()
                for records in batches.values():
                    for record in records:
                        event = CloudEvent.from_record(record.topic, record.key, record.value, record.headers)
                        for queue in list(self._subscribers):
                            if queue.full():
                                queue.get_nowait()
                            queue.put_nowait(event)
        finally:
            with contextlib.suppress(Exception):
                await asyncio.shield(consumer.stop())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
