"""Prometheus metrics every service exposes on /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests", ["service", "path", "status"])
HTTP_LATENCY = Histogram("http_request_seconds", "HTTP request latency", ["service", "path"])
OUTBOX_PUBLISHED = Counter("outbox_published_total", "Events the relay published", ["service", "topic"])
OUTBOX_FAILURES = Counter("outbox_publish_failures_total", "Failed publish attempts", ["service"])
OUTBOX_BACKLOG = Gauge("outbox_backlog", "Unsent events in the outbox, as of the relay's last read", ["service"])
OUTBOX_OLDEST = Gauge("outbox_oldest_unsent_seconds", "Age of the oldest unsent event (0 when none)", ["service"])
EVENTS_CONSUMED = Counter("events_consumed_total", "Events applied by consumers", ["service", "consumer", "outcome"])
CONSUMER_RESTARTS = Counter(
    "consumer_restarts_total",
    "Consumers restarted: failed, or stalled (stuck in a call, unanswered by the broker, or behind without progress)",
    ["service", "consumer", "reason"],
)
READ_MODEL_GAPS = Counter(
    "read_model_gaps_total",
    "States a read model received that skipped versions (events lost on the way; the state itself is whole)",
    ["table"],
)
BROKER_UP = Gauge("broker_up", "1 when the broker answered the last background check, else 0", ["service"])
CONSUMER_LAG = Gauge(
    "consumer_lag_records",
    "Records behind the end of the topic, as of the consumer's last fetch",
    ["service", "consumer", "topic"],
)
GRAPHQL_LATENCY = Histogram(
    "graphql_operation_seconds", "GraphQL operations, whole, by name and type", ["service", "operation", "type"]
)
GRAPHQL_ERRORS = Counter(
    "graphql_operation_errors_total", "Errors in GraphQL answers, by code", ["service", "operation", "type", "code"]
)
