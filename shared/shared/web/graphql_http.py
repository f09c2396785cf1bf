"""GraphQL over HTTP, the common case straight to the schema.

Nearly every request a subgraph serves is a POST of one JSON operation from the gateway. Going
through FastAPI's routing, its dependency injection and strawberry's view costs more than a
hundred-row answer itself, so that case is served here: read the body, sign the caller in, execute,
answer with orjson. Everything else (GraphiQL and GET queries, WebSocket subscriptions, multipart,
batches, a body that is not one JSON operation, a subscription over POST) goes on to strawberry's
router with the body replayed, and is answered exactly as before. A JSON body that is not one
operation (not JSON at all, a batch, no `query` text) is refused here with a coded error (400).
"""

from __future__ import annotations

from typing import Any

import orjson
from strawberry.http import process_result
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from shared.graphql.context import RequestContext
from shared.runtime import ServiceRuntime

QUERY_OR_MUTATION = (OperationType.QUERY, OperationType.MUTATION)
JSON_HEADERS = [(b"content-type", b"application/json")]


class GraphQLOverHTTP:
    def __init__(self, app: Any, schema: Any, runtime: ServiceRuntime, path: str = "/graphql") -> None:
        self.app = app
        self.schema = schema
        self.runtime = runtime
        self.path = path

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if not headers.get(b"content-type", b"").startswith(b"application/json"):
            await self.app(scope, receive, send)
            return
        body = await _body(receive)
        request = _operation(body)
        if isinstance(request, str):
            await _answer(send, 400, {"errors": [{"message": request, "extensions": {"code": "BAD_REQUEST"}}]})
            return
        if not await self._execute(request, headers, send):
            await self.app(scope, _replay(body, receive), send)

    async def _execute(self, request: dict[str, Any], headers: dict[bytes, bytes], send: Any) -> bool:
        """Runs one operation and answers it; False when strawberry's router must (a subscription)."""
        context: RequestContext[Any] = RequestContext(
            self.runtime, request_id=_text(headers.get(b"x-request-id")),
            traceparent=_text(headers.get(b"traceparent")),
            client_operation=_text(headers.get(b"x-graphql-operation-name")))
        try:
            await context.sign_in(_text(headers.get(b"authorization")))
            result = await self.schema.execute(
                request["query"], variable_values=request.get("variables"), context_value=context,
                operation_name=request.get("operationName"), operation_extensions=request.get("extensions"),
                allowed_operation_types=QUERY_OR_MUTATION)
        except InvalidOperationTypeError:
            return False
        finally:
            await context.close()
        if not isinstance(result, ExecutionResult):
            return False
        await _answer(send, 200, process_result(result))
        return True


async def _answer(send: Any, status: int, answer: Any) -> None:
    body = orjson.dumps(answer, option=orjson.OPT_PASSTHROUGH_DATACLASS, default=_fallback)
    await send({"type": "http.response.start", "status": status,
                "headers": [*JSON_HEADERS, (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _operation(body: bytes) -> dict[str, Any] | str:
    """The request when it is one well-formed operation, or why it is not."""
    try:
        request = orjson.loads(body)
    except orjson.JSONDecodeError:
        return "the request body is not JSON"
    if isinstance(request, list):
        return "batched requests are not accepted: send one operation per request"
    if not isinstance(request, dict) or not isinstance(request.get("query"), str):
        return "the request has no GraphQL document in `query`"
    variables, name, extensions = request.get("variables"), request.get("operationName"), request.get("extensions")
    if variables is not None and not isinstance(variables, dict):
        return "`variables` must be an object"
    if name is not None and not isinstance(name, str) or extensions is not None and not isinstance(extensions, dict):
        return "`operationName` must be a string and `extensions` an object"
    return request


async def _body(receive: Any) -> bytes:
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


def _replay(body: bytes, receive: Any) -> Any:
    sent = False

    async def replay() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return await receive()  # (a disconnect, say)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _text(value: bytes | None) -> str | None:
    return value.decode("latin-1") if value is not None else None


def _fallback(value: Any) -> Any:
    return str(value)
