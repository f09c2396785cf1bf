"""The per-request context: caller, one database session, the unit of work and the loaders."""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from strawberry.fastapi import BaseContext

from shared.auth import ANONYMOUS, Actor, actor_from_headers
from shared.db import UnitOfWork

if TYPE_CHECKING:
    from shared.runtime import ServiceRuntime

L = TypeVar("L")
TRACEPARENT = re.compile(r"^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class RequestContext(BaseContext, Generic[L]):
    def __init__(self, runtime: ServiceRuntime, session: AsyncSession, actor: Actor = ANONYMOUS,
                 request_id: str | None = None, traceparent: str | None = None) -> None:
        super().__init__()
        self.runtime = runtime
        self.session = session
        self.actor = actor
        # Headers are the caller's: keep them only when well formed, as they travel into events.
        self.request_id = request_id if request_id and REQUEST_ID.match(request_id) else uuid.uuid4().hex
        self.traceparent = traceparent if traceparent and TRACEPARENT.match(traceparent) else new_traceparent()
        self._loaders: L | None = None

    @property
    def loaders(self) -> L:
        # Created on first use, so a request that loads nothing builds nothing.
        if self._loaders is None:
            self._loaders = self.runtime.loaders_factory(self.session)
        return self._loaders

    def fresh_loaders(self) -> L:
        """For a long-lived subscription: forget what earlier events loaded."""
        self._loaders = None
        return self.loaders

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session, self.runtime.outbox, actor=self.actor.id, traceparent=self.traceparent)


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def context_dependency(runtime: ServiceRuntime) -> Callable[..., Any]:
    """A FastAPI dependency: one session per request (HTTP or WebSocket), closed after the response."""

    async def get_session() -> AsyncIterator[AsyncSession]:
        async with runtime.sessionmaker() as session:
            yield session

    async def get_context(connection: HTTPConnection,
                          session: AsyncSession = Depends(get_session)) -> RequestContext[Any]:
        headers = connection.headers
        return RequestContext(
            runtime, session,
            actor=actor_from_headers(headers),
            request_id=headers.get("x-request-id"),
            traceparent=headers.get("traceparent"),
        )

    return get_context
