"""A service under test: its own database (migrated), the real broker, the app in-process."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.definition import ServiceDefinition
from shared.devstack.identity import dev_token
from shared.devstack.postgres import EmbeddedPostgres
from shared.events.log_marker import mark_log
from shared.events.topics import create_topics, declared_topics
from shared.graphql.context import RequestContext
from shared.migrations import upgrade
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings


@dataclass
class GraphQLResult:
    data: dict[str, Any] | None
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        return [e.get("extensions", {}).get("code", "") for e in self.errors]

    @property
    def fields(self) -> list[str | None]:
        return [e.get("extensions", {}).get("field") for e in self.errors]

    def ok(self) -> dict[str, Any]:
        assert not self.errors, self.errors
        assert self.data is not None
        return self.data


class ServiceHarness:
    """A service in-process, called as the gateway calls it: with the gateway secret and a real access token
    of a dev account (`as_`, staff unless told; None for no token), signed in at the real identity provider."""

    def __init__(self, runtime: ServiceRuntime, app: Any, schema: Any) -> None:
        self.runtime = runtime
        self.app = app
        self.schema = schema
        self._contexts: list[RequestContext[Any]] = []
        self._tokens: dict[str, str] = {}
        secret = sorted(runtime.settings.accepted_gateway_secrets)[0]
        self.client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test", headers={"x-hub-gateway-secret": secret}
        )

    @property
    def settings(self) -> ServiceSettings:
        return self.runtime.settings

    async def token(self, account: str) -> str:
        if account not in self._tokens:
            tokens = await asyncio.to_thread(dev_token, self.settings.oidc_issuer_url, account)
            self._tokens[account] = tokens.access_token
        return self._tokens[account]

    async def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        as_: str | None = "staff",
    ) -> GraphQLResult:
        sent = {"authorization": f"Bearer {await self.token(as_)}"} if as_ else {}
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers={**sent, **(headers or {})}
        )
        body = response.json()
        return GraphQLResult(body.get("data"), body.get("errors") or [])

    async def subscribe(
        self, query: str, variables: dict[str, Any] | None = None, as_: str = "staff"
    ) -> AsyncIterator[Any]:
        """A subscription run by the schema in-process, with a context like a WebSocket's."""
        context: RequestContext[Any] = RequestContext(self.runtime)
        await context.sign_in(f"Bearer {await self.token(as_)}")
        self._contexts.append(context)
        result = await self.schema.subscribe(query, variable_values=variables or {}, context_value=context)
        assert hasattr(result, "__aiter__"), getattr(result, "errors", result)
        return result

    async def outbox_count(self, **where: Any) -> int:
        outbox = self.runtime.metadata.tables["outbox"]
        statement = select(func.count()).select_from(outbox)
        for column, value in where.items():
            statement = statement.where(outbox.c[column] == value)
        async with self.runtime.sessionmaker() as session:
            return int(await session.scalar(statement) or 0)

    async def close(self) -> None:
        for context in self._contexts:
            await context.close()
        await self.client.aclose()
        await self.runtime.stop()


async def migrated_database(postgres: EmbeddedPostgres, service: ServiceDefinition, name: str | None = None) -> str:
    """A database of its own for the service, at its latest migration."""
    name = name or f"{service.name}_test"
    postgres.create_databases([name])
    url = postgres.url(name)
    await asyncio.to_thread(upgrade, service.migrations, url)  # alembic runs its own event loop
    return url


@contextlib.asynccontextmanager
async def running_service(
    service: ServiceDefinition, settings: ServiceSettings, workers: bool = True
) -> AsyncIterator[ServiceHarness]:
    """The service's app in-process, with its outbox relay and consumers running unless told not to."""
    runtime = service.build_runtime(settings)
    harness = ServiceHarness(runtime, service.create_app(runtime=runtime), service.schema)
    if workers:
        await runtime.start_workers()
    try:
        yield harness
    finally:
        await harness.close()


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


# The counter of the block that runs: tasks started inside the block inherit it, and so does SQLAlchemy's
# greenlet running their statements; the service's background workers (consumers applying events meanwhile)
# were started before, and their statements are not the block's.
_COUNTING: contextvars.ContextVar[StatementCounter | None] = contextvars.ContextVar("counting", default=None)


@contextlib.contextmanager
def count_statements(engine: AsyncEngine) -> Iterator[StatementCounter]:
    """Counts the SQL statements an engine runs for what the block does."""
    counter = StatementCounter()

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if _COUNTING.get() is counter:
            counter.statements.append(statement)

    token = _COUNTING.set(counter)
    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield counter
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
        _COUNTING.reset(token)


async def eventually(check: Callable[[], Awaitable[Any]], timeout: float = 15.0, interval: float = 0.1) -> Any:
    """Polls until `check` returns a truthy value; the last falsy value or error fails the test."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = await check()
            if last:
                return last
        except AssertionError as error:
            last = error
        await asyncio.sleep(interval)
    raise AssertionError(f"not true within {timeout}s: {last!r}")


@contextlib.asynccontextmanager
async def service_under_test(
    service: ServiceDefinition,
    postgres: EmbeddedPostgres,
    bootstrap: str,
    topic_prefix: str,
    issuer: str,
    **settings: Any,
) -> AsyncIterator[ServiceHarness]:
    """The usual session fixture of a service: migrated database, session broker, the session's identity
    provider, workers running."""
    configured = service.settings(
        database_url=await migrated_database(postgres, service),
        kafka_bootstrap_servers=bootstrap,
        topic_prefix=topic_prefix,
        oidc_issuer_url=issuer,
        outbox_sweep_seconds=0.5,
        **settings,
    )
    await create_topics(configured, declared_topics())  # as make run does: services make no topics
    await mark_log(configured)  # its new database has nothing to republish (shared.events.log_marker)
    async with running_service(service, configured) as harness:
        yield harness
