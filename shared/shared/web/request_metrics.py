"""Request counts and latencies for Prometheus, as plain ASGI (no per-request task or body copy).

The `path` label is one of the app's own paths, or `other`: a label per URL a client makes up
would grow the metrics without bound.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from shared.metrics import HTTP_LATENCY, HTTP_REQUESTS


class RequestMetrics:
    def __init__(self, app: Any, service: str, paths: Iterable[str]) -> None:
        self.app = app
        self.service = service
        self.paths = frozenset(paths)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            path = scope["path"].rstrip("/") or "/"
            path = path if path in self.paths else "other"
            HTTP_REQUESTS.labels(self.service, path, str(status)).inc()
            HTTP_LATENCY.labels(self.service, path).observe(time.perf_counter() - started)
