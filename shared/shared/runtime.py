"""What a running service holds: settings, database, outbox, background workers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from shared.auth import SEEDING, Actor
from shared.database_watch import DatabaseWatch
from shared.db import UnitOfWork, asyncpg_dsn, create_engine, create_sessionmaker
from shared.events.broker_watch import BrokerWatch
from shared.events.catalogue import EventCatalogue
from shared.events.consumer import EventConsumer, EventHandler
from shared.events.envelope import REQUESTED
from shared.events.heal import StateAnswers, requests_topic
from shared.events.history import HistoryLog
from shared.events.live import LiveEvents, LiveFeed
from shared.events.outbox import OutboxWriter
from shared.events.relay import OutboxRelay
from shared.events.republish import Snapshots, republish
from shared.graphql.limits import STATEMENT_MILLISECONDS
from shared.reads import ReadPool
from shared.settings import ServiceSettings
from shared.tracing import shutdown_tracing
from shared.web.tokens import TokenVerifier

log = logging.getLogger(__name__)

Handlers = Mapping[str, Mapping[str, EventHandler]]


@dataclass
class ServiceRuntime:
    settings: ServiceSettings
    metadata: MetaData
    catalogue: EventCatalogue
    # Per-request loaders, scoped to the caller: (session, caller) -> loaders.
    loaders_factory: Callable[[AsyncSession, Actor], Any]
    consumers: Mapping[str, Handlers] = field(default_factory=dict)
    live_feeds: Sequence[LiveFeed[Any]] = ()
    # How each of its topics is told again from its state (republish, a new log, a copy's heal request).
    snapshots: Sequence[Snapshots] = ()
    engine: AsyncEngine = field(init=False)
    # Probes and /status ask the database on a connection of their own: a busy request pool must not make a
    # replica look unready (every replica would go at once).
    probe_engine: AsyncEngine = field(init=False)
    sessionmaker: async_sessionmaker[AsyncSession] = field(init=False)
    outbox: OutboxWriter = field(init=False)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list, init=False)
    _relay: OutboxRelay | None = field(default=None, init=False)
    running_consumers: list[EventConsumer] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        if self.snapshots:  # an owner answers its copies' requests for its aggregates' state (shared.events.heal)
            service, answers = self.catalogue.service, StateAnswers(self.snapshots)
            self.consumers = {
                **self.consumers,
                "state-requests": {requests_topic(service): {f"{service}.{REQUESTED}": answers.answer}},
            }
        self.engine = create_engine(self.settings.database_url, statement_ms=STATEMENT_MILLISECONDS)
        self.probe_engine = create_engine(self.settings.database_url, statement_ms=1000, pool_size=1, max_overflow=0)
        self.reads = ReadPool(asyncpg_dsn(self.settings.database_url), STATEMENT_MILLISECONDS)
        self.sessionmaker = create_sessionmaker(self.engine, self.reads)
        history = HistoryLog(self.metadata.tables["aggregate_history"], self.catalogue.private_fields())
        self.outbox = OutboxWriter(self.metadata.tables["outbox"], self.catalogue.source, self.channel, history)
        self.live = LiveEvents(self.settings, self.sessionmaker, self.live_feeds)
        self.broker_watch = BrokerWatch(self.settings)
        self.database_watch = DatabaseWatch(asyncpg_dsn(self.settings.database_url))
        self.tokens = TokenVerifier(
            self.settings.oidc_issuer_url, self.settings.oidc_audience, self.settings.oidc_roles_claim
        )

    @property
    def channel(self) -> str:
        return f"outbox_{self.settings.service_name}"

    def unit_of_work(self, session: AsyncSession, caller: Actor = SEEDING) -> UnitOfWork:
        return UnitOfWork(session, self.outbox, caller, traceparent=None)

    def consumer(self, name: str) -> EventConsumer:
        return EventConsumer(
            name,
            self.settings,
            self.sessionmaker,
            self.metadata.tables["processed_event"],
            self.outbox,
            self.consumers[name],
        )

    async def catch_up(self, name: str) -> int:
        """Fill a read model from its topics up to now (seeds run before the service's own consumer)."""
        return await self.consumer(name).catch_up()

    def owners_read(self) -> list[str]:
        """The other services whose topics this one's consumers read (each names its topic's contract)."""
        contracts = [
            getattr(by_type, "contract", None) for handlers in self.consumers.values() for by_type in handlers.values()
        ]
        return sorted({c.owner for c in contracts if c is not None and c.owner != self.catalogue.service})

    async def republish_all(self) -> int:
        """Every aggregate's state again, through the outbox (a broker with a new log); how many."""
        return sum((await republish(self, self.snapshots)).values())

    async def start_workers(self) -> None:
        # Every serving process watches its database: requests and probes answer from it (shared.database_watch).
        self._tasks.append(asyncio.create_task(self.database_watch.run(), name="database-watch"))
        if not self.settings.run_background_workers:
            return
        self._tasks.append(asyncio.create_task(self.broker_watch.run(), name="broker-watch"))
        # Its own topics, and those on which it asks other owners for their aggregates' state.
        topics = [*self.catalogue.topics, *(requests_topic(owner) for owner in self.owners_read())]
        self._relay = OutboxRelay(
            self.settings,
            asyncpg_dsn(self.settings.database_url),
            self.channel,
            [self.settings.topic(name) for name in topics],
            on_new_log=self.republish_all,
        )
        self._tasks.append(asyncio.create_task(self._relay.run(), name="outbox-relay"))
        for name in self.consumers:
            consumer = self.consumer(name)
            self.running_consumers.append(consumer)
            self._tasks.append(asyncio.create_task(consumer.run(), name=f"consumer-{name}"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        await self.live.close()
        if self._relay is not None:
            await self._relay.close()
        await self.reads.close()
        await self.engine.dispose()
        await self.probe_engine.dispose()
        shutdown_tracing()
