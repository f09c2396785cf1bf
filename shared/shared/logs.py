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
    "log_operation", default=None)


@contextmanager
def operation_fields(request_id: str | None, traceparent: str | None, operation: str | None,
                     actor: str | None) -> Iterator[None]:
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
            "level": record.levelname, "service": self.service, "logger": record.name,
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


def configure_logging(service: str, level: str | int = logging.INFO, form: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines(service) if form == "json" else _OperationText(
        f"%(asctime)s [{service}] %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, force=True, handlers=[handler])
    # aiokafka reports every reconnection attempt; our own workers say what matters once.
    logging.getLogger("aiokafka").setLevel(logging.ERROR)
