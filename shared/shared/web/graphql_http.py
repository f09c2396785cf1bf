"""GraphQL over HTTP, the common case straight to the schema.

Nearly every request a subgraph serves is a POST of one JSON operation from the gateway. Going
through FastAPI's routing, its dependency injection and strawberry's view costs more than a
hundred-row answer itself, so that case is served here: read the body, sign the caller in, execute,
answer with orjson. Everything else (GraphiQL and GET queries, WebSocket subscriptions, multipart,
batches, a body that is not one JSON operation, a subscription over POST) goes on to strawberry's
router with the body replayed, and is answered exactly as before. A JSON body that is not one
operation (not JSON at all, a batch, no `query` text) is refused here with a coded error (400).

While the database does not answer (shared.database_watch), an operation is refused at once with
SERVICE_UNAVAILABLE (503, Retry-After), and one already waiting on the database is stopped and answered
so within moments: SERVICE_UNAVAILABLE when it sent no COMMIT (nothing happened), OUTCOME_UNKNOWN when it did.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import orjson
from strawberry.http import process_result
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType

from shared.db import MARK_COMMITTED, database_unreachable
from shared.errors import BadUserInput, OutcomeUnknown, ServiceUnavailable
from shared.graphql.context import RequestContext
from shared.runtime import ServiceRuntime
from shared.web.idempotency import IdempotencyKeys, Replay, claim_of, is_mutation, refusal

log = logging.getLogger(__name__)

QUERY_OR_MUTATION = (OperationType.QUERY, OperationType.MUTATION)
JSON_HEADERS = [(b"content-type", b"application/json")]
RETRY_AFTER = [(b"retry-after", b"1")]
KEEP_SECONDS = 2.0  # how long keeping an Idempotency-Key's answer may hold the answer up


class GraphQLOverHTTP:
    def __init__(self, app: Any, schema: Any, runtime: ServiceRuntime, path: str = "/graphql") -> None:
        self.app = app
        self.schema = schema
        self.runtime = runtime
        self.path = path
        self.keys = IdempotencyKeys(runtime.metadata.tables["idempotency_key"], runtime.sessionmaker)
        self._closing: set[asyncio.Future[None]] = set()  # contexts of stopped operations, being closed

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
            self.runtime,
            request_id=_text(headers.get(b"x-request-id")),
            traceparent=_text(headers.get(b"traceparent")),
            client_operation=_text(headers.get(b"x-graphql-operation-name")),
        )
        context.streaming = b"text/event-stream" in headers.get(b"accept", b"")
        try:
            await context.sign_in(_text(headers.get(b"authorization")))
            answered = await self._answered(context, request, _text(headers.get(b"idempotency-key")))
        finally:
            if not context.left_running:
                await context.close()
        if answered is None:
            return False
        await _answer(send, answered.status, answered.body, RETRY_AFTER if answered.status == 503 else None)
        return True

    async def _answered(self, context: RequestContext[Any], request: dict[str, Any], key: str | None) -> Replay | None:
        """The answer to the operation (a first one, or the one kept for its Idempotency-Key); None for a
        subscription."""
        service = self.runtime.settings.service_name
        if self.runtime.database_watch.down.is_set():  # known down: refused before anything is tried
            return Replay(503, refusal(ServiceUnavailable(service)))
        claim = None
        if key is not None and context.actor.signed_in and is_mutation(request):
            try:
                claim = claim_of(context.actor.subject, key, request)
                kept = await self.keys.claim(claim)
            except BadUserInput as refused:
                return Replay(200, refusal(refused))
            except Exception as error:
                if not database_unreachable(error):
                    raise
                return Replay(503, refusal(ServiceUnavailable(service)))
            if kept is not None:
                return kept
            context.session.info[MARK_COMMITTED] = self.keys.marker(claim)
        answered = await self._run_while_the_database_answers(context, request)
        if answered is not None and claim is not None:
            # Bounded: if the answer cannot be kept, the claim's lease runs out, and a retry finds whether the
            # change was made (its claim was marked committed with it).
            keeping = asyncio.ensure_future(self.keys.finish(claim, answered.status, answered.body))
            done, _ = await asyncio.wait({keeping}, timeout=KEEP_SECONDS)
            if keeping not in done or keeping.exception() is not None:
                keeping.cancel()
                log.warning(
                    "the answer for an Idempotency-Key could not be kept: %r",
                    keeping.exception() if keeping in done else "no answer from the database",
                )
        return answered

    async def _run_while_the_database_answers(
        self, context: RequestContext[Any], request: dict[str, Any]
    ) -> Replay | None:
        """The operation's answer; if the database stops answering while the operation waits on it, the
        caller hears so now, not when the operation's limit runs out (the operation is stopped, its context
        closed once it has ended)."""
        running = asyncio.ensure_future(self._run(context, request))
        lost = asyncio.ensure_future(self.runtime.database_watch.down.wait())
        try:
            await asyncio.wait({running, lost}, return_when=asyncio.FIRST_COMPLETED)
        except BaseException:  # this request was stopped (its time limit): so is its operation
            self._stop(running, context)
            raise
        finally:
            lost.cancel()
        if running.done():
            result = running.result()
            if result is None or isinstance(result, Replay):
                return result
            return Replay(200, dict(process_result(result)))
        outcome = OutcomeUnknown if context.commit_sent else ServiceUnavailable
        self._stop(running, context)
        return Replay(503, refusal(outcome(self.runtime.settings.service_name)))

    def _stop(self, running: asyncio.Future[Any], context: RequestContext[Any]) -> None:
        """Stop an operation; its context is closed once it has ended (it may be inside a database call)."""
        running.cancel()
        context.left_running = True

        def close(_: asyncio.Future[Any]) -> None:
            closing = asyncio.ensure_future(context.close())
            self._closing.add(closing)
            closing.add_done_callback(self._closing.discard)

        running.add_done_callback(close)

    async def _run(self, context: RequestContext[Any], request: dict[str, Any]) -> ExecutionResult | Replay | None:
        """The operation's result (or a refusal of the request); None when strawberry's router must answer it (a
        subscription streamed as server-sent events)."""
        try:
            result = await self.schema.execute(
                request["query"],
                variable_values=request.get("variables"),
                context_value=context,
                operation_name=request.get("operationName"),
                operation_extensions=request.get("extensions"),
                allowed_operation_types=QUERY_OR_MUTATION,
            )
        except InvalidOperationTypeError:
            if context.streaming:
                return None
            return _bad_request(
                "a subscription is served over a WebSocket (graphql-transport-ws) or as server-sent "
                "events (Accept: text/event-stream), not as a plain POST"
            )
        except CannotGetOperationTypeError:
            return _bad_request(f"the document holds no operation named {request.get('operationName')!r}")
        return result if isinstance(result, ExecutionResult) else None


async def _answer(send: Any, status: int, answer: Any, extra_headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = orjson.dumps(answer, option=orjson.OPT_PASSTHROUGH_DATACLASS, default=_fallback)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*JSON_HEADERS, *(extra_headers or []), (b"content-length", str(len(body)).encode())],
        }
    )
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


def _bad_request(message: str) -> Replay:
    return Replay(400, {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]})


def _text(value: bytes | None) -> str | None:
    return value.decode("latin-1") if value is not None else None


def _fallback(value: Any) -> Any:
    return str(value)
