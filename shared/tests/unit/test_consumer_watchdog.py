"""When a consumer should start again: stuck in a call, unanswered by the broker, or behind without applying
anything; and what its lag is when the broker reports an end below its position."""

from __future__ import annotations

import asyncio

import pytest

from shared.events.consumer import EventConsumer, lag_of
from shared.settings import ServiceSettings


def _consumer() -> EventConsumer:
    settings = ServiceSettings(service_name="watched", consumer_stall_seconds=60)
    return EventConsumer("things", settings, None, None, None, {"things.v1": {}})  # type: ignore[arg-type]


def test_a_consumer_that_keeps_up_or_waits_with_nothing_to_do_is_not_stalled() -> None:
    consumer = _consumer()
    consumer._turned_at = consumer._answered_at = consumer._progressed_at = 1000.0
    assert consumer.stalled(1059.0) is None
    consumer._turned_at = consumer._answered_at = 1100.0
    consumer.lag = {"things.v1": 0}
    assert consumer.stalled(1150.0) is None  # idle, not stuck: nothing to apply


def test_a_consumer_behind_that_applies_nothing_or_is_stuck_in_a_call_is_stalled() -> None:
    consumer = _consumer()
    consumer._turned_at = consumer._answered_at = consumer._progressed_at = 1000.0
    consumer.lag = {"things.v1": 40}
    consumer._turned_at = consumer._answered_at = 1070.0
    assert consumer.stalled(1071.0) == "40 records behind and nothing applied for 71s"
    consumer.lag = {}
    consumer._answered_at = 1200.0
    assert consumer.stalled(1200.0) == "stuck in a call to the broker for 130s"


def test_a_consumer_whose_loop_turns_but_that_the_broker_never_answers_is_stalled() -> None:
    """getmany answers from the client's own buffer while the broker is silent: turning is no sign of life."""
    consumer = _consumer()
    consumer._turned_at = consumer._progressed_at = 1200.0
    consumer._answered_at = 1100.0
    consumer.lag = {"things.v1": 0}
    assert consumer.stalled(1200.0) == "no answer from the broker for 100s"


def test_lag_is_unknown_not_zero_when_the_reported_end_is_below_the_position() -> None:
    assert lag_of(0, 10, 4) == 6
    assert lag_of(6, 3, 3) == 6
    assert lag_of(0, 1, 7) is None  # the development broker's end of a compacted topic
    assert lag_of(None, 10, 4) is None  # one partition unknown makes the topic's lag unknown
    assert lag_of(0, None, 4) is None


async def test_a_cancellation_leaking_from_the_kafka_client_restarts_the_consumer_instead_of_ending_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """aiokafka's stop can raise a CancelledError nobody asked for; it once ended the watchdog itself silently."""
    consumer = _consumer()
    attempts = 0

    async def leaking() -> None:
        nonlocal attempts
        attempts += 1
        if attempts < 3:
            raise asyncio.CancelledError  # as Fetcher.close does, from a task it cancelled itself
        await asyncio.sleep(3600)

    monkeypatch.setattr(consumer, "_consume", leaking)
    monkeypatch.setattr("shared.events.consumer.WATCH_SECONDS", 0.01)
    running = asyncio.create_task(consumer.run())
    for _ in range(400):
        if attempts >= 3:
            break
        await asyncio.sleep(0.01)
    assert attempts == 3 and not running.done()
    assert consumer.restarts == 2
    running.cancel()  # our own cancellation still ends it
    with pytest.raises(asyncio.CancelledError):
        await running
