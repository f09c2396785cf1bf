"""Subgraphs answer only the gateway: every GraphQL request (HTTP or WebSocket, `_service`, `_entities`
and introspection included) must carry one of the configured gateway secrets, or it is refused with 403.

Health, readiness, metrics and the OpenAPI document stay open to the cluster's probes.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

HEADER = b"x-hub-gateway-secret"
REFUSAL = json.dumps(
    {"errors": [{"message": "this service answers only the gateway", "extensions": {"code": "FORBIDDEN"}}]}
).encode()


class GatewayOnly:
    def __init__(self, app: Any, secrets: frozenset[str], path: str = "/graphql") -> None:
        self.app = app
        self.secrets = [secret.encode() for secret in secrets]
        self.path = path

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket") and scope["path"].startswith(self.path) and not self._sent(scope):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})  # before accepting: an HTTP 403
                return
            await send(
                {"type": "http.response.start", "status": 403, "headers": [(b"content-type", b"application/json")]}
            )
            await send({"type": "http.response.body", "body": REFUSAL})
            return
        await self.app(scope, receive, send)

    def _sent(self, scope: dict[str, Any]) -> bool:
        given = next((value for name, value in scope["headers"] if name == HEADER), b"")
        # Compare with every accepted secret, in constant time.
        return any([hmac.compare_digest(given, secret) for secret in self.secrets])
