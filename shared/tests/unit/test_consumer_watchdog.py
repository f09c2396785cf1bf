"""When a consumer should start again: stuck in a call, or behind without applying anything."""

from __future__ import annotations

from shared.events.consumer import EventConsumer
from shared.settings import ServiceSettings


def _consumer() -> EventConsumer:
    settings = ServiceSettings(service_name="watched", consumer_stall_seconds=60)
    return EventConsumer("things", settings, None, None, None, {"things.v1": {}})  # type: ignore[arg-type]


def test_a_consumer_that_keeps_up_or_waits_with_nothing_to_do_is_not_stalled() -> None:
    consumer = _consumer()
    consumer._turned_at = consumer._progressed_at = 1000.0
    assert consumer.stalled(1059.0) is None
    consumer._turned_at, consumer.lag = 1100.0, {"things.v1": 0}
    assert consumer.stalled(1150.0) is None  # idle, not stuck: nothing to apply


def test_a_consumer_behind_that_applies_nothing_or_is_stuck_in_a_call_is_stalled() -> None:
    consumer = _consumer()
    consumer._turned_at = consumer._progressed_at = 1000.0
    consumer.lag = {"things.v1": 40}
    consumer._turned_at = 1070.0
    assert consumer.stalled(1071.0) == "40 records behind and nothing applied for 71s"
    consumer.lag = {}
    assert consumer.stalled(1200.0) == "stuck in a call to the broker for 130s"
