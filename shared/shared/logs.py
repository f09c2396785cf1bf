"""Log lines of every service and command: one JSON object per line (or readable text, `LOG_FORMAT=text`).

Each line has its time, level, service, logger and message; a line written while an operation runs also has
the operation's request id, trace id, operation name and actor (`operation_fields`), so one request's lines can
be found together and next to its trace.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import orjson

# (request id, trace id, operation name, actor) of the operation this task serves, if any.
_OPERATION: ContextVar[tuple[str | None, str | None, str | None, str | None] | None] = ContextVar(
    "log_operation", default=None
)


@contextmanager
def operation_fields(
    request_id: str | None, traceparent: str | None, operation: str | None, actor: str | None
) -> Iterator[None]:
    """Lines logged inside carry these (a W3C traceparent gives its trace id)."""
    trace_id = traceparent.split("-")[1] if traceparent and traceparent.count("-") == 3 else None
    token = _OPERATION.set((request_id, trace_id, operation or "anonymous", actor))
    try:
        yield
    finally:
        _OPERATION.reset(token)


class JsonLines(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        operation = _OPERATION.get()
        if operation is not None:
            for name, value in zip(("requestId", "traceId", "operation", "actor"), operation, strict=True):
                if value is not None:
                    line[name] = value
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


class _OperationText(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        operation = _OPERATION.get()
        return text if operation is None else f"{text} [request {operation[0]} trace {operation[1]}]"


class Summarised(logging.Filter):
    """A library that logs every failed attempt (aiokafka: thousands of lines while a broker is away) is told in
    a few lines: its first as one WARNING, then how many more at most once per `every` seconds, and, when
    `settled` is called (the broker is back), how many there were in all, as one INFO."""

    def __init__(self, logger: str, what: str, every: float = 60.0) -> None:
        super().__init__()
        self.prefix, self.what, self.every = logger, what, every
        self.troubled_since: float | None = None  # monotonic time of the first line of this spell of trouble
        self.told_at = 0.0
        self.held, self.total = 0, 0  # lines held back since the last summary, and in the whole spell
        self.last = ""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(self.prefix) or record.levelno < logging.WARNING:
            return True
        now = time.monotonic()
        self.total += 1
        self.last = record.getMessage()
        if self.troubled_since is None or now - self.told_at > 5 * self.every and not self.held:
            self.troubled_since = self.told_at = now
            self.held, self.total = 0, 1
            self._retell(
                record,
                logging.WARNING,
                f"{self.what} reports trouble: {self.last} (its further lines "
                f"are counted and told at most once a minute)",
            )
            return True
        self.held += 1
        if now - self.told_at < self.every:
            return False
        self._retell(
            record,
            logging.WARNING,
            f"{self.what}: {self.held} more lines in the last {now - self.told_at:.0f}s; the last: {self.last}",
        )
        self.told_at, self.held = now, 0
        return True

    def settled(self) -> None:
        """The trouble is over: one line says how much was held back, and the next trouble is told anew."""
        if self.troubled_since is not None:
            logging.getLogger(__name__).info(
                "%s is quiet again: %d lines in %.0fs of trouble",
                self.what,
                self.total,
                time.monotonic() - self.troubled_since,
            )
        self.troubled_since, self.held, self.total = None, 0, 0

    @staticmethod
    def _retell(record: logging.LogRecord, level: int, message: str) -> None:
        record.levelno, record.levelname = level, logging.getLevelName(level)
        record.msg, record.args = message, None


# aiokafka logs every reconnection, fetch and heartbeat that fails while a broker is away; our own workers say
# what matters (shared.events.broker_watch calls `settled` when the broker answers again).
KAFKA_CLIENT_LINES = Summarised("aiokafka", "the Kafka client")


def configure_logging(service: str, level: str | int = logging.INFO, form: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        JsonLines(service)
        if form == "json"
        else _OperationText(f"%(asctime)s [{service}] %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(KAFKA_CLIENT_LINES)
    logging.basicConfig(level=level, force=True, handlers=[handler])
    logging.getLogger("aiokafka").setLevel(logging.ERROR)
