"""Live changes for GraphQL subscriptions: this process tails its own topics and fans them out.

A `LiveFeed` names the aggregates a subscription follows: which topics change them (an
occurrence's event changes its activity, say) and how to load them. One consumer per
process (no consumer group: every instance sees every event) starts with the first
subscriber and reads from the end, so a subscription sees what happens after it starts; and since a broker may
report an end before what it holds (the development broker does), a change made before a subscriber
subscribed (its CloudEvent `time`) is not sent to it, nor is a restatement of state that changed nothing (a
republished snapshot, a heal).
Each batch of events is loaded once, in one session, whatever the number of subscribers,
and every subscriber receives the loaded rows: a session per subscriber per event would
exhaust the pool. A subscriber that falls behind loses its oldest changes rather than
slowing the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, TypeVar

from aiokafka import AIOKafkaConsumer
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from shared.auth import Actor
from shared.errors import Unauthenticated
from shared.events.envelope import CloudEvent, is_restatement
from shared.events.kafka import close_consumer, connection_options, keep_running
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

QUEUE_SIZE = 1000
TAIL_CALL_SECONDS = 20.0
# An event's time is its owner's clock when the change was written, before its commit: a change committed just
# after a subscriber subscribed may carry a time a little before it, and is news all the same (a state sent
# twice is harmless; a change missed is not). The feeds tail their own service's topics: one clock.
NEWS_GRACE = timedelta(seconds=1)
T = TypeVar("T")


@dataclass(frozen=True)
class LiveFeed(Generic[T]):
    name: str
    # logical topic -> the key of the followed aggregate an event changes (None: it changes none)
    changed_by: Mapping[str, Callable[[CloudEvent], str | None]]
    load: Callable[[AsyncSession, list[str]], Awaitable[Sequence[T]]]
    key_of: Callable[[T], str]


class LiveEvents:
    def __init__(
        self,
        settings: ServiceSettings,
        sessionmaker: async_sessionmaker[AsyncSession],
        feeds: Sequence[LiveFeed[Any]] = (),
    ) -> None:
        self.settings = settings
        self.sessionmaker = sessionmaker
        self.feeds = {feed.name: feed for feed in feeds}
        # Per feed, each subscriber's queue and the time it subscribed (changes made before are not news to it).
        self._subscribers: dict[str, dict[asyncio.Queue[Any], datetime]] = {name: {} for name in self.feeds}
        self._task: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()

    async def subscribe(self, feed: str) -> AsyncIterator[Any]:
        """The followed aggregates as they change, each in its state after the change."""
        queue: asyncio.Queue[Any] = asyncio.Queue(QUEUE_SIZE)
        self._subscribers[feed][queue] = datetime.now(UTC)
        if self._task is None:
            # Started by the first subscriber's request: in a context of its own, not that request's (its
            # span and log fields would otherwise mark every load of the process's lifetime).
            self._task = asyncio.create_task(
                keep_running(self._tail, "live events"), name="live-events", context=contextvars.Context()
            )
        try:
            while True:
                yield await queue.get()
        finally:
            self._subscribers[feed].pop(queue, None)

    async def _tail(self) -> None:
        topics = {self.settings.topic(t) for feed in self.feeds.values() for t in feed.changed_by}
        consumer = AIOKafkaConsumer(
            *sorted(topics),
            **connection_options(self.settings),
            enable_auto_commit=False,
            auto_offset_reset="latest",
            metadata_max_age_ms=5_000,
            fetch_max_wait_ms=self.settings.kafka_fetch_max_wait_ms,
        )
        try:
            async with asyncio.timeout(TAIL_CALL_SECONDS):
                await consumer.start()
            while True:
                # Bounded, as every call of a consumer to the broker (shared.events.consumer): a tail stuck in a
                # call would silence every subscription of the process; failing, it starts again (keep_running).
                async with asyncio.timeout(TAIL_CALL_SECONDS):
                    batches = await consumer.getmany(timeout_ms=500)
                self.listening.set()
                events = [
                    CloudEvent.from_record(r.topic, r.key, r.value, r.headers)
                    for records in batches.values()
                    for r in records
                ]
                if events:
                    await self._fan_out(events)
        finally:
            await close_consumer(consumer, 10.0)

    async def _fan_out(self, events: list[CloudEvent]) -> None:
        for name, feed in self.feeds.items():
            subscribers = self._subscribers[name]
            if not subscribers:
                continue
            changed_at = changes(feed, events, self.settings.topic)
            if not changed_at:
                continue
            keys = list(changed_at)
            try:
                async with self.sessionmaker() as session:
                    rows = await feed.load(session, keys)
            except Exception as exc:  # the database is away: these changes are missed, later ones are not
                log.warning("live feed %s could not load %d changes: %s", name, len(keys), exc)
                continue
            for row in rows:
                changed = changed_at.get(feed.key_of(row), datetime.max.replace(tzinfo=UTC))
                for queue, since in list(subscribers.items()):
                    if changed < since - NEWS_GRACE:
                        continue  # made before this subscription started: old news to it
                    if queue.full():
                        queue.get_nowait()
                    queue.put_nowait(row)

    def state(self) -> dict[str, Any]:
        """For /status: whether the process tails its topics (it starts with the first subscriber), and how many
        subscriptions each feed serves; a client that subscribed and waits for news can tell it is listened for."""
        return {
            "listening": self.listening.is_set(),
            "subscribers": {name: len(subscribers) for name, subscribers in self._subscribers.items()},
        }

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None


def changes(feed: LiveFeed[Any], events: Sequence[CloudEvent], topic: Callable[[str], str]) -> dict[str, datetime]:
    """The keys of the feed's aggregates that `events` changed, with the time of the latest change of each.

    A restatement of an owner's state (a republished snapshot, a heal's state) changes nothing, so it is no news;
    `topic` gives a logical topic's name on the broker."""
    changed: dict[str, datetime] = {}
    for event in events:
        if is_restatement(event.type):
            continue
        for logical, key_of in feed.changed_by.items():
            if event.topic == topic(logical) and (key := key_of(event)) is not None:
                changed[key] = max(changed.get(key, event.time), event.time)
    return changed


async def until_expiry(caller: Actor, changes: AsyncIterator[T]) -> AsyncIterator[T]:
    """A subscription lasts as long as its caller's access token: then it ends with UNAUTHENTICATED, and the
    client reconnects with a fresh token."""
    expired = Unauthenticated("the access token has expired: subscribe again with a fresh one")
    iterator = changes.__aiter__()
    try:
        while True:
            left = (caller.expires_at or float("inf")) - time.time()
            if left <= 0:
                raise expired
            try:
                yield await asyncio.wait_for(anext(iterator), timeout=None if left == float("inf") else left)
            except StopAsyncIteration:
                return
            except TimeoutError:
                # Waiting was cancelled at the expiry (which ends the feed too), even if the clock reads a
                # hair before it.
                raise expired from None
    finally:
        await iterator.aclose()  # type: ignore[attr-defined]  # the changes are an async generator typed as an iterator
