"""Which state a copy of another service's aggregate takes (shared.readmodel.takes), without a database."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.events.envelope import CloudEvent
from shared.readmodel import Standing, takes

EARLY, LATE = datetime(2026, 12, 7, 10, tzinfo=UTC), datetime(2026, 12, 7, 11, tzinfo=UTC)


def test_in_one_epoch_a_change_is_taken_only_with_a_newer_version() -> None:
    change = Standing(1, LATE)
    assert takes(1, 2, EARLY, change, 3) and takes(1, 2, EARLY, change, 8)  # a jump is taken (and healed)
    assert not takes(1, 2, EARLY, change, 2) and not takes(1, 8, EARLY, change, 3)  # a repeat, a late event


def test_an_authoritative_state_is_taken_whatever_version_is_held_unless_told_before_the_held_one() -> None:
    answer = Standing(1, LATE, authoritative=True)
    assert takes(1, 8, EARLY, answer, 2)  # a forged jump to 8 is undone
    assert takes(1, 2, None, answer, 2)  # a row from before owners' times were kept
    assert not takes(1, 3, datetime(2026, 12, 7, 12, tzinfo=UTC), answer, 2)  # a real change came after it


def test_a_later_owner_epoch_always_wins_and_an_earlier_one_never() -> None:
    assert takes(1, 9, LATE, Standing(2, EARLY), 5)  # the owner was restored to an earlier state
    assert not takes(2, 5, EARLY, Standing(1, LATE), 10)
    assert not takes(2, 5, EARLY, Standing(1, LATE, authoritative=True), 10)


def test_an_events_standing_comes_from_its_envelope() -> None:
    def event(type_: str, epoch: int | None) -> CloudEvent:
        return CloudEvent("id", "/partnership-hub/menu", type_, LATE, "k", {}, "menu.activity.v1", owner_epoch=epoch)

    assert Standing.of(event("menu.activity.state", 3)) == Standing(3, LATE, authoritative=True)
    assert Standing.of(event("menu.activity.updated", None)) == Standing(1, LATE)  # no epoch said: the first
    assert not Standing.of(event("menu.activity.snapshot", 1)).authoritative
