"""The per-operation context: caller, one database session, the unit of work and the loaders.

Over HTTP an operation is a request. Over WebSocket one connection carries many
operations at once (graphql-ws clients multiplex subscriptions on one socket), so each
operation gets a context of its own from `for_operation`: its own session, loaders and
request id; only the caller and the trace are the connection's.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from strawberry.fastapi import BaseContext

from shared.auth import ANONYMOUS, Actor
from shared.db import COMMIT_SENT, UnitOfWork
from shared.errors import Unauthenticated
from shared.tracing import new_traceparent

if TYPE_CHECKING:
    from shared.runtime import ServiceRuntime

L = TypeVar("L")
TRACEPARENT = re.compile(r"^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
OPERATION_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]{0,99}$")  # a GraphQL name


class RequestContext(BaseContext, Generic[L]):
    def __init__(
        self,
        runtime: ServiceRuntime,
        actor: Actor = ANONYMOUS,
        request_id: str | None = None,
        traceparent: str | None = None,
        auth_problem: str | None = None,
        client_operation: str | None = None,
    ) -> None:
        super().__init__()
        self.runtime = runtime
        self.actor = actor
        # Why the caller is not signed in when it sent a token (expired, forged...): told in the refusal.
        self.auth_problem = auth_problem
        # Headers are the caller's: keep them only when well formed, as they travel into events.
        self.request_id = request_id if request_id and REQUEST_ID.match(request_id) else str(uuid.uuid4())
        self.traceparent = traceparent if traceparent and TRACEPARENT.match(traceparent) else new_traceparent()
        # The client's operation name, which the gateway passes on (X-GraphQL-Operation-Name): the operations
        # it sends us are unnamed parts of the client's. For metrics and logs only, so kept only when plain.
        self.client_operation = (
            client_operation if client_operation and OPERATION_NAME.match(client_operation) else None
        )
        self._session: AsyncSession | None = None
        self._loaders: L | None = None
        # An operation stopped while it waited on a database that went away closes its context when it ends.
        self.left_running = False
        # The caller asked for server-sent events (a subscription over HTTP).
        self.streaming = False

    @property
    def session(self) -> AsyncSession:
        # Opened on first use: an operation that reads nothing checks out no connection.
        if self._session is None:
            self._session = self.runtime.sessionmaker()
        return self._session

    @property
    def loaders(self) -> L:
        if self._loaders is None:
            self._loaders = self.runtime.loaders_factory(self.session, self.actor)
        return self._loaders

    @property
    def commit_sent(self) -> bool:
        """Whether this operation sent a COMMIT (shared.db.UnitOfWork): a lost database then leaves its outcome
        unknown."""
        return self._session is not None and bool(self._session.info.get(COMMIT_SENT))

    def for_operation(self) -> RequestContext[L]:
        """A context of its own for one operation of a WebSocket connection."""
        return RequestContext(
            self.runtime, self.actor, request_id=None, traceparent=self.traceparent, auth_problem=self.auth_problem
        )

    async def sign_in(self, authorization: str | None) -> None:
        """Takes the caller from a token (a WebSocket sends it in connection_init)."""
        try:
            self.actor, self.auth_problem = await self.runtime.tokens.actor(authorization), None
        except Unauthenticated as refused:
            self.actor, self.auth_problem = ANONYMOUS, refused.message

    async def between_messages(self) -> None:
        """A subscription between two messages: forget what was loaded, hold no connection."""
        self._loaders = None
        if self._session is not None:
            await self._session.close()

    async def close(self) -> None:
        self._loaders = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session, self.runtime.outbox, self.actor, self.traceparent)


def context_dependency(runtime: ServiceRuntime) -> Callable[..., Any]:
    """A FastAPI dependency: one context per request (HTTP) or connection (WebSocket), closed after it."""

    async def get_context(connection: HTTPConnection) -> AsyncIterator[RequestContext[Any]]:
        headers = connection.headers
        context: RequestContext[Any] = RequestContext(
            runtime,
            request_id=headers.get("x-request-id"),
            traceparent=headers.get("traceparent"),
            client_operation=headers.get("x-graphql-operation-name"),
        )
        await context.sign_in(headers.get("authorization"))
        try:
            yield context
        finally:
            await context.close()

    return get_context
