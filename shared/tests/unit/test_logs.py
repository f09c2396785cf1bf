"""A log line is one JSON object; inside an operation it names the request, trace, operation and actor."""

from __future__ import annotations

import json
import logging

from shared.logs import JsonLines, operation_fields


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
