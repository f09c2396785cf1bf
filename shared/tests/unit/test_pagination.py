"""Cursors are opaque, round-trip, and refuse what is not theirs; page sizes are bounded."""

from __future__ import annotations

import pytest

from shared.errors import BadUserInput
from shared.graphql.pagination import PageRequest, connection, decode_cursor, encode_cursor


def test_a_cursor_round_trips_its_sort_key() -> None:
    assert decode_cursor(encode_cursor("activities.TITLE", ["Title", "5d1c"]), "activities.TITLE") == ["Title", "5d1c"]


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "!!!",
        encode_cursor("activities.TITLE", ["only one"]),
        encode_cursor("programmes.PERIOD_START", ["2026-01-01", "5d1c"]),
        encode_cursor("activities.START_DATE", ["2026-01-01", "5d1c"]),
    ],
)
def test_a_cursor_of_another_list_or_order_is_bad_input(cursor: str) -> None:
    with pytest.raises(BadUserInput) as refused:
        decode_cursor(cursor, "activities.TITLE")
    assert refused.value.field == "after"


@pytest.mark.parametrize(("first", "limit"), [(None, 20), (0, 0), (100, 100)])
def test_page_sizes_default_to_twenty_and_stop_at_a_hundred(first: int | None, limit: int) -> None:
    assert PageRequest.of(first, None, "list").limit == limit


@pytest.mark.parametrize("first", [-1, 101])
def test_page_sizes_out_of_bounds_are_refused(first: int) -> None:
    with pytest.raises(BadUserInput):
        PageRequest.of(first, None, "list")


async def test_a_connection_knows_whether_more_follow() -> None:
    async def count() -> int:
        return 3

    page = PageRequest(limit=2, after=None, list_name="numbers")
    built = connection([1, 2, 3], page, lambda n: (n,), count)
    assert [e.node for e in built.edges] == [1, 2]
    assert built.page_info.has_next_page and not built.page_info.has_previous_page
    assert decode_cursor(built.page_info.end_cursor(), "numbers", arity=1) == [2]
    assert await built.total_count() == 3


def _tampered(list_name: str, value: object) -> str:
    import base64
    import json

    raw = json.dumps([list_name, value, "5d1c0000-0000-0000-0000-000000000000"]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("value", [{"a": 1}, [1, 2], True, 2**70, "x" * 1001])
def test_a_cursor_holding_what_no_cursor_holds_is_bad_input(value: object) -> None:
    with pytest.raises(BadUserInput) as refused:
        decode_cursor(_tampered("activities.TITLE", value), "activities.TITLE")
    assert refused.value.field == "after"


def test_nan_and_infinity_are_not_cursor_values() -> None:
    import base64

    for constant in ("NaN", "Infinity", "-Infinity"):
        raw = f'["activities.TITLE", {constant}, "5d1c"]'.encode()
        with pytest.raises(BadUserInput):
            decode_cursor(base64.urlsafe_b64encode(raw).decode(), "activities.TITLE")
