"""Prometheus metrics every service exposes on /metrics."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter("http_requests_total", "HTTP requests", ["service", "path", "status"])
HTTP_LATENCY = Histogram("http_request_seconds", "HTTP request latency", ["service", "path"])
OUTBOX_PUBLISHED = Counter("outbox_published_total", "Events the relay published", ["service", "topic"])
OUTBOX_FAILURES = Counter("outbox_publish_failures_total", "Failed publish attempts", ["service"])
OUTBOX_BACKLOG = Gauge("outbox_backlog", "Unsent events seen by the relay's last read", ["service"])
EVENTS_CONSUMED = Counter("events_consumed_total", "Events applied by consumers", ["service", "consumer", "outcome"])
