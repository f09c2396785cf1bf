"""Bounds on a GraphQL request before and while it runs: body size, and the operation's time.

A body larger than the limit is refused before it is read whole (413); an operation that runs past
its time is stopped, and the caller gets a coded error instead of waiting on a stalled server.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from shared.graphql.limits import MAX_BODY_BYTES, OPERATION_SECONDS


def _refusal(message: str, code: str) -> bytes:
    return json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()


class GraphQLRequestLimits:
    def __init__(
        self, app: Any, path: str = "/graphql", max_body: int = MAX_BODY_BYTES, seconds: float = OPERATION_SECONDS
    ) -> None:
        self.app = app
        self.path = path
        self.max_body = max_body
        self.seconds = seconds

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.path):
            await self.app(scope, receive, send)
            return
        declared = next((int(v) for k, v in scope["headers"] if k == b"content-length" and v.isdigit()), 0)
        if declared > self.max_body:
            await _send(
                send, 413, _refusal(f"the request body is over {self.max_body} bytes", "OPERATION_LIMIT_EXCEEDED")
            )
            return
        received = 0
        started = False

        async def bounded_receive() -> Any:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:  # a body sent without its length, or lying about it
                raise _TooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        # A subscription streamed over HTTP (server-sent events) lasts as long as its caller wants.
        streaming = any(k == b"accept" and b"text/event-stream" in v for k, v in scope["headers"])
        try:
            async with asyncio.timeout(None if streaming else self.seconds):
                await self.app(scope, bounded_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send(
                    send, 413, _refusal(f"the request body is over {self.max_body} bytes", "OPERATION_LIMIT_EXCEEDED")
                )
        except TimeoutError:
            if not started:
                await _send(
                    send,
                    503,
                    _refusal(
                        f"the operation took longer than {self.seconds:.0f}s and was stopped",
                        "OPERATION_LIMIT_EXCEEDED",
                    ),
                )


class _TooLarge(Exception):
    pass


async def _send(send: Any, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
