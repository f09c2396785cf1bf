"""Async SQLAlchemy on asyncpg: engine, sessions, common columns and the unit of work."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import asyncpg
from sqlalchemy import DateTime, MetaData, Text
from sqlalchemy import Enum as SAEnum
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Mapped, mapped_column

from shared.auth import Actor
from shared.errors import StaleVersion
from shared.sql import any_of as any_of  # where services have always found it

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def service_metadata() -> MetaData:
    """Each service owns one MetaData: its tables plus the shared outbox, inbox, history log and owner epoch."""
    from shared.events.history import add_history_table
    from shared.events.tables import add_event_tables, add_idempotency_table, add_owner_epoch_table

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    add_event_tables(metadata)
    add_history_table(metadata)
    add_owner_epoch_table(metadata)
    add_idempotency_table(metadata)
    return metadata


def create_engine(url: str, statement_ms: int | None = None, **kwargs: Any) -> AsyncEngine:
    """A service's engine; `statement_ms` bounds every statement (PostgreSQL's statement_timeout).

    No ping before each checkout: it is a round trip on every request. A connection the database
    dropped fails the one statement that meets it; the pool then discards every connection of that
    age (SQLAlchemy invalidates the pool on a disconnect), and `pool_recycle` retires old ones."""
    if statement_ms is not None:
        kwargs.setdefault("connect_args", {"server_settings": {"statement_timeout": str(statement_ms)}})
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    return create_async_engine(url, pool_recycle=1800, **kwargs)


class SerialSession(AsyncSession):
    """An AsyncSession that takes its turn: GraphQL resolves sibling fields and loaders
    concurrently, and one request's session must never run two statements at once."""

    def __init__(self, *args: Any, reads: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn = asyncio.Lock()
        self._reads = reads  # shared.reads.ReadPool: reads outside a transaction

    async def execute(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().execute(*args, **kwargs)

    async def scalar(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().scalar(*args, **kwargs)

    # scalars() goes through execute(), so it takes its turn there.

    async def rows(self, statement: Any) -> list[Any]:
        """The rows of a select as the driver returns them (shared.reads): no ORM, no result processing,
        and no transaction unless one is already open."""
        from shared.reads import compiled_read, fetch

        engine = self.bind.sync_engine  # type: ignore[union-attr]  # a session's bind is its engine, never a bare connection here
        read, arguments = compiled_read(statement, engine.dialect)
        if read is not None and self._reads is not None and not self.in_transaction():
            return await self._reads.fetch(read, arguments, engine.dispatch if engine._has_events else None)
        async with self._turn:
            connection = await self.connection()
            if read is None:
                return list((await connection.execute(statement)).all())
            raw = await connection.get_raw_connection()
            sync = connection.sync_connection
            events = sync.dispatch if sync is not None and (sync._has_events or sync.engine._has_events) else None
            return await fetch(sync, events, raw.driver_connection, read, arguments)

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        async with self._turn:
            return await super().get(*args, **kwargs)

    async def flush(self, *args: Any, **kwargs: Any) -> None:
        async with self._turn:
            await super().flush(*args, **kwargs)

    async def commit(self) -> None:
        async with self._turn:
            await super().commit()

    async def rollback(self) -> None:
        async with self._turn:
            await super().rollback()


def create_sessionmaker(engine: AsyncEngine, reads: Any = None) -> async_sessionmaker[AsyncSession]:
    """Sessions of one engine; `reads` (a shared.reads.ReadPool) serves their reads outside a transaction."""
    # Objects stay readable after commit: a mutation returns what it changed.
    return async_sessionmaker(engine, class_=SerialSession, expire_on_commit=False, reads=reads)


def asyncpg_dsn(url: str) -> str:
    """The plain libpq URL of a SQLAlchemy URL, for asyncpg's LISTEN connection."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Versioned:
    """createdAt, updatedAt and the optimistic-concurrency version of every entity.

    Set in Python when the object is made, so its event can be built before the
    flush, without a round trip.
    """

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column()

    def __init__(self, **kwargs: Any) -> None:
        now = utcnow()
        kwargs.setdefault("created_at", now)
        kwargs.setdefault("updated_at", now)
        kwargs.setdefault("version", 1)
        super().__init__(**kwargs)

    def check_version(self, expected: int | None) -> None:
        if expected is not None and expected != self.version:
            raise StaleVersion(type(self).__name__, expected, self.version)

    def bump(self) -> None:
        self.version += 1
        self.updated_at = utcnow()


class Entity(Versioned):
    """A versioned entity identified by a UUID (the same id in events, keys and every subgraph)."""

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("id", uuid.uuid4())
        super().__init__(**kwargs)


class UnitOfWork:
    """One transaction around one change: the state and its events commit together.

    Services append events and never commit; whoever opened the unit of work (a
    mutation resolver, the seed, a consumer) commits it. An exception rolls back
    everything, events included.
    """

    def __init__(
        self,
        session: AsyncSession,
        outbox: Any,
        caller: Actor,
        traceparent: str | None,
        on_behalf_of: str | None = None,
    ) -> None:
        self.session = session
        self.outbox = outbox
        self.caller = caller  # whom the use cases authorize
        # Who history rows and events name: the caller, or whoever caused the event a consumer applies.
        self.actor = on_behalf_of or caller.id
        self.traceparent = traceparent
        self._events: list[Any] = []

    def publish(self, event: Any) -> None:
        self._events.append(event)

    async def flush(self) -> None:
        await self.session.flush()
        if self._events:
            events, self._events = self._events, []
            await self.outbox.append(self.session, events, actor=self.actor, traceparent=self.traceparent)

    async def commit(self) -> None:
        await self.flush()
        mark = self.session.info.get(MARK_COMMITTED)
        if mark is not None:  # the caller's Idempotency-Key: committed with the change (shared.web.idempotency)
            await mark(self.session)
        # From here on, a lost connection leaves the outcome unknown (shared.graphql.errors tells the caller so).
        self.session.info[COMMIT_SENT] = True
        await self.session.commit()

    async def rollback(self) -> None:
        self._events.clear()
        await self.session.rollback()

    async def __aenter__(self) -> UnitOfWork:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            await self.commit()
        else:
            await self.rollback()


# Session.info keys: this session sent a COMMIT (whether the database made it, only its answer says); and how a
# change's transaction marks the caller's Idempotency-Key committed with it (shared.web.idempotency).
COMMIT_SENT = "commit_sent"
MARK_COMMITTED = "idempotency_mark_committed"
# SQLSTATEs of a database that cannot serve: connection exceptions (08), too many connections (53300), an
# administrator's or a crash's shutdown, or a start not finished (57P01-57P03).
_UNREACHABLE_SQLSTATES = ("08", "53300", "57P01", "57P02", "57P03")


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error, and what it wraps (a driver's error inside SQLAlchemy's, a cause, a context), once each."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__


def sqlstate_of(error: BaseException) -> str | None:
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    return state if isinstance(state, str) else None


def database_unreachable(error: BaseException) -> bool:
    """Whether an error says the database could not be reached or dropped the connection (and not that a
    statement or a value was wrong): the caller should retry later."""
    for cause in causes(error):
        if isinstance(
            cause,
            (
                OSError,
                TimeoutError,
                sa_exc.DisconnectionError,
                sa_exc.TimeoutError,
                asyncpg.exceptions.ConnectionDoesNotExistError,
            ),
        ):
            return True
        if isinstance(cause, sa_exc.DBAPIError) and cause.connection_invalidated:
            return True
        if (sqlstate_of(cause) or "").startswith(_UNREACHABLE_SQLSTATES):
            return True
    return False


def enum_column(enum: type, name: str, length: int = 48) -> SAEnum:
    """An enum stored as its values in a checked VARCHAR: adding a value needs no type migration."""
    return SAEnum(
        enum,
        name=name,
        native_enum=False,
        length=length,
        create_constraint=True,
        values_callable=lambda members: [m.value for m in members],
    )


class TransitionRecord:
    """One step of an aggregate's lifecycle, kept for its history: who took it, and when.

    Each service adds the owner's foreign key, the from/to statuses and the why."""

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
