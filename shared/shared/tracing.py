"""Tracing with OpenTelemetry: one span per GraphQL operation, per SQL statement, per event published and per
event applied, in one trace from the client's request through the gateway, the outbox and Kafka
(`ce_traceparent`) to the consumer in another service and what it changes in turn.

Configured by the standard variables: tracing is on when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) names a collector and `OTEL_SDK_DISABLED` is not `true`; spans go there
over OTLP/HTTP, sampled by `OTEL_TRACES_SAMPLER` (parent-based, always on, unless set). Off, the API's no-op
tracer costs next to nothing, and trace context still travels: a W3C `traceparent` is kept or made per
operation and passed on in events.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

_PROPAGATOR = TraceContextTextMapPropagator()
tracer = trace.get_tracer("partnership-hub")
_enabled = False  # set by configure_tracing: spans are made only then


def tracing_configured() -> bool:
    endpoint = os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")
    return bool(endpoint) and os.environ.get("OTEL_SDK_DISABLED", "").lower() != "true"


def tracing_enabled() -> bool:
    """Whether this process makes spans (configure_tracing found a collector)."""
    return _enabled


def configure_tracing(service: str, engine: Any | None = None) -> None:
    """Once per process, at start: the SDK and its OTLP exporter, and a span per SQL statement of `engine`."""
    global _enabled
    if not tracing_configured():
        return
    _enabled = True
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        resource = Resource.create({"service.name": os.environ.get("OTEL_SERVICE_NAME") or service})
        provider = TracerProvider(resource=resource)
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        trace.set_tracer_provider(provider)
    if engine is not None:
        _trace_statements(engine.sync_engine)


def _trace_statements(engine: Any) -> None:
    """A CLIENT span per SQL statement, from the engine's statement events (which the read pool fires too).
    A statement's span is kept by its execution context and parameters, the same objects in its before and
    after events (the parameters alone may be the one shared empty tuple of two concurrent statements)."""
    from opentelemetry.trace import Status, StatusCode
    from sqlalchemy import event

    database = engine.url.database or ""
    running: dict[tuple[int, int], Span] = {}

    def before(_connection: Any, _cursor: Any, statement: str, parameters: Any, context: Any, *_: Any) -> None:
        if not trace.get_current_span().get_span_context().is_valid:
            return  # outside an operation or an event (a probe, a feed's load): not a trace of its own
        verb = statement.split(None, 1)[0] if statement.strip() else "SQL"
        running[(id(context), id(parameters))] = tracer.start_span(
            f"{verb} {database}",
            kind=SpanKind.CLIENT,
            attributes={"db.system.name": "postgresql", "db.namespace": database, "db.query.text": statement[:2048]},
        )

    def after(_connection: Any, _cursor: Any, _statement: str, parameters: Any, context: Any, *_: Any) -> None:
        span = running.pop((id(context), id(parameters)), None)
        if span is not None:
            span.end()

    def failed(error: Any) -> None:
        span = running.pop((id(error.execution_context), id(error.parameters)), None)
        if span is not None:
            span.set_status(Status(StatusCode.ERROR, type(error.original_exception).__name__))
            span.end()

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    event.listen(engine, "handle_error", failed)


def shutdown_tracing() -> None:
    """Sends what is buffered (a stopping service's last spans)."""
    provider = trace.get_tracer_provider()
    shutdown = getattr(provider, "shutdown", None)
    if shutdown is not None:
        shutdown()


def new_traceparent() -> str:
    return f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


@contextmanager
def span_from(
    traceparent: str | None, name: str, kind: SpanKind = SpanKind.INTERNAL, attributes: dict[str, Any] | None = None
) -> Iterator[tuple[Span, str | None]]:
    """A span, current inside, whose parent is `traceparent` (what a caller, the gateway or an event carried);
    with the traceparent to pass on from inside it: the span's own, or `traceparent` itself when not tracing."""
    if not _enabled:
        yield trace.INVALID_SPAN, traceparent
        return
    parent = _PROPAGATOR.extract({"traceparent": traceparent}) if traceparent else otel_context.Context()
    with tracer.start_as_current_span(name, context=parent, kind=kind, attributes=attributes) as span:
        carrier: dict[str, str] = {}
        if span.get_span_context().is_valid:
            _PROPAGATOR.inject(carrier)
        yield span, carrier.get("traceparent", traceparent)
