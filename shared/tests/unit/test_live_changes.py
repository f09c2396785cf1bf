"""Which aggregates a batch of events changed, for live subscribers: restatements are no change."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.events.envelope import CloudEvent, is_restatement
from shared.events.live import LiveFeed, changes


def _event(type_: str, key: str, minute: int, topic: str = "p.menu.activity.v1") -> CloudEvent:
    return CloudEvent(
        "id", "/partnership-hub/menu", type_, datetime(2026, 12, 7, 12, minute, tzinfo=UTC), key, {}, topic
    )


FEED = LiveFeed[object]("things", {"menu.activity.v1": lambda event: event.key}, None, str)  # type: ignore[arg-type]


def test_each_key_gets_its_latest_change_and_restatements_are_left_out() -> None:
    events = [
        _event("menu.activity.updated", "a", 1),
        _event("menu.activity.published", "a", 3),
        _event("menu.activity.snapshot", "b", 4),
        _event("menu.activity.state", "c", 5),
        _event("menu.activity.updated", "d", 2, topic="p.menu.occurrence.v1"),
    ]
    assert changes(FEED, events, lambda logical: f"p.{logical}") == {"a": datetime(2026, 12, 7, 12, 3, tzinfo=UTC)}


def test_restatements_are_snapshots_and_states() -> None:
    assert is_restatement("menu.activity.snapshot") and is_restatement("menu.activity.state")
    assert not is_restatement("menu.activity.updated") and not is_restatement("menu.activity.statement")
