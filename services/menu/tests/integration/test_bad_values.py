"""Values the database would refuse are refused first, as the caller's mistake, never an internal error."""

from __future__ import annotations

import pytest

from shared.testing.harness import ServiceHarness

CREATE = "mutation($input: ActivityInput!) { createActivity(input: $input) { id } }"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "bad\x00title"}, "title"),
        ({"description": "bell\x07"}, "description"),
        ({"contactEmail": "a\x00@b.cd"}, "contactEmail"),
        ({"feeEur": "99999999999999.99"}, "feeEur"),
        ({"feeEur": "NaN"}, "feeEur"),
        ({"feeEur": "sNaN"}, "feeEur"),
        ({"feeEur": "-Infinity"}, "feeEur"),
    ],
)
async def test_control_characters_and_huge_numbers_are_bad_input(
    menu: ServiceHarness, make_input, overrides, field
) -> None:
    before = await menu.outbox_count()
    result = await menu.graphql(CREATE, {"input": make_input(**overrides)})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == [field]
    assert await menu.outbox_count() == before


async def test_a_search_with_a_nul_byte_is_bad_input(menu: ServiceHarness) -> None:
    result = await menu.graphql("query($s: String) { activities(search: $s) { totalCount } }", {"s": "a\x00b"})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["search"]


async def test_multi_line_text_is_fine(menu: ServiceHarness, make_input) -> None:
    result = await menu.graphql(CREATE, {"input": make_input(description="First line\n\tthen more\r\n")})
    assert result.ok()


async def test_occurrence_dates_stay_within_a_plausible_horizon(
    menu: ServiceHarness, create_activity, make_occurrence_input
) -> None:
    activity = await create_activity()
    schedule = "mutation($a: ID!, $i: OccurrenceInput!) { scheduleOccurrence(activityId: $a, input: $i) { id } }"
    far = await menu.graphql(
        schedule, {"a": activity["id"], "i": {**make_occurrence_input(days_ahead=4000), "registrationDeadline": None}}
    )
    assert far.codes == ["BAD_USER_INPUT"] and far.fields == ["startDate"]
    ancient = await menu.graphql(
        schedule, {"a": activity["id"], "i": make_occurrence_input(registrationDeadline="0001-01-01")}
    )
    assert ancient.codes == ["BAD_USER_INPUT"] and ancient.fields == ["registrationDeadline"]
