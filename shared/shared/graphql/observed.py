"""Each GraphQL operation observed once, as a whole (never per field: per-field hooks are what made lists
slow): its latency and errors by operation name and type, and its request id, trace id, name and actor on
every log line written while it runs.

Through the gateway, the operations a subgraph runs are unnamed parts of the client's: the gateway passes the
client's operation name on in `X-GraphQL-Operation-Name`, which names an unnamed operation here.
Operation names are the client's choice, so the `operation` label keeps the first `KEPT_NAMES` a process
sees and calls any further one `other`; an unnamed operation is `anonymous`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from opentelemetry.trace import SpanKind
from strawberry.extensions import SchemaExtension

from shared.graphql.context import RequestContext
from shared.logs import operation_fields
from shared.metrics import GRAPHQL_ERRORS, GRAPHQL_LATENCY
from shared.tracing import span_from

KEPT_NAMES = 200
_names: set[str] = set()


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    if name in _names:
        return name
    if len(_names) < KEPT_NAMES and len(name) <= 100:
        _names.add(name)
        return name
    return "other"


class OperationObserved(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        execution = self.execution_context
        context = execution.context
        started = time.perf_counter()
        operation = execution.operation_name
        if isinstance(context, RequestContext):
            operation = operation or context.client_operation
            # The operation's span, a child of the caller's (the gateway's) context; what the operation
            # writes to the outbox carries the span's own traceparent.
            with span_from(context.traceparent, "graphql.operation", SpanKind.SERVER) as (span, traceparent):
                context.traceparent = traceparent or context.traceparent
                with operation_fields(
                    context.request_id,
                    context.traceparent,
                    operation,
                    context.actor.id if context.actor.signed_in else None,
                ):
                    yield
                if span.is_recording():
                    span.update_name(f"{_kind(execution)} {operation_label(operation)}")
                    span.set_attribute("graphql.operation.name", operation or "")
                    span.set_attribute("graphql.operation.type", _kind(execution))
            service = context.runtime.settings.service_name
        else:
            yield
            service = "schema"
        name, kind = operation_label(operation), _kind(execution)
        GRAPHQL_LATENCY.labels(service, name, kind).observe(time.perf_counter() - started)
        for error in getattr(execution.result, "errors", None) or ():
            code = (error.extensions or {}).get("code", "INTERNAL_SERVER_ERROR")
            GRAPHQL_ERRORS.labels(service, name, kind, str(code)).inc()


def _kind(execution: Any) -> str:
    try:
        return str(execution.operation_type.value)
    except Exception:  # a document that did not parse, or names no operation it holds
        return "unknown"
