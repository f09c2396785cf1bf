"""A log line is one JSON object; inside an operation it names the request, trace, operation and actor."""

from __future__ import annotations

import json
import logging

import pytest

import shared.logs
from shared.logs import JsonLines, Summarised, operation_fields


def _line(message: str, exc: bool = False) -> dict[str, object]:
    record = logging.LogRecord("menu.repository", logging.WARNING, __file__, 1, message, (), None)
    if exc:
        try:
            raise ValueError("boom")
        except ValueError:
            import sys

            record.exc_info = sys.exc_info()
    return json.loads(JsonLines("menu").format(record))  # type: ignore[no-any-return]


def test_a_line_outside_an_operation_has_the_basics() -> None:
    line = _line("relay paused\nretrying")
    assert line["service"] == "menu" and line["level"] == "WARNING" and line["logger"] == "menu.repository"
    assert line["message"] == "relay paused\nretrying" and str(line["time"]).endswith("Z")
    assert "requestId" not in line


def test_a_line_inside_an_operation_names_it() -> None:
    trace = "00-" + "a" * 32 + "-" + "b" * 16 + "-01"
    with operation_fields("req-1", trace, None, "staff-1 (staff)"):
        line = _line("refused", exc=True)
    assert line["requestId"] == "req-1" and line["traceId"] == "a" * 32
    assert line["operation"] == "anonymous" and line["actor"] == "staff-1 (staff)"
    assert "ValueError: boom" in str(line["error"])
    assert "requestId" not in _line("after")


def test_the_kafka_clients_lines_while_a_broker_is_away_are_told_once_then_summarised_once_a_minute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(shared.logs.time, "monotonic", lambda: clock[0])
    quiet = Summarised("aiokafka", "the Kafka client", every=60)

    def line(name: str = "aiokafka.consumer.fetcher", level: int = logging.ERROR) -> logging.LogRecord:
        return logging.LogRecord(name, level, __file__, 1, "Failed fetch messages from %s", ("111",), None)

    first = line()
    assert quiet.filter(first) and first.levelname == "WARNING"
    assert "reports trouble: Failed fetch messages from 111" in first.getMessage()
    passed = []
    for _ in range(3000):  # a broker away for a minute and a half
        clock[0] += 0.03
        record = line()
        if quiet.filter(record):
            passed.append(record.getMessage())
    assert len(passed) == 1 and passed[0].startswith("the Kafka client: ")
    assert quiet.filter(line("shared.events.consumer"))  # our own lines are never held back
    assert quiet.filter(line(level=logging.INFO))
    quiet.settled()
    again = line()
    assert quiet.filter(again) and "reports trouble" in again.getMessage()  # the next spell is told anew
