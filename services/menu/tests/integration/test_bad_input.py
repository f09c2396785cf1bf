"""A user's mistake is a clear error with a code (and the field at fault), and writes nothing."""

from __future__ import annotations

import uuid

import pytest

from shared.testing.harness import ServiceHarness

CREATE = "mutation($input: ActivityInput!) { createActivity(input: $input) { id } }"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"areaCode": "NOPE"}, "areaCode"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "d" * 5001}, "description"),
        ({"pcmRef": "not a ref"}, "pcmRef"),
        ({"languages": ["english"]}, "languages"),
        ({"contactEmail": "nobody"}, "contactEmail"),
        ({"feeEur": "-5"}, "feeEur"),
        ({"eligiblePartners": ["ZZZ"]}, "eligiblePartners"),
        ({"eligiblePartners": ["GEO", "XKX"]}, "eligiblePartners"),
    ],
)
async def test_bad_activity_input_is_refused_and_nothing_is_written(
    menu: ServiceHarness, make_input, overrides, field
) -> None:
    before = await menu.outbox_count()
    result = await menu.graphql(CREATE, {"input": make_input(**overrides)})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == [field]
    assert result.data is None or result.data.get("createActivity") is None
    assert await menu.outbox_count() == before


async def test_a_value_of_the_wrong_type_is_bad_user_input(menu: ServiceHarness, make_input) -> None:
    result = await menu.graphql(CREATE, {"input": make_input(kind="PICNIC")})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["kind"]
    assert result.errors[0]["message"].startswith("kind: ")


async def test_an_unknown_partner_cannot_be_named_eligible_later_either(menu: ServiceHarness, create_activity) -> None:
    activity = await create_activity(eligiblePartners=["GEO"])
    result = await menu.graphql(
        'mutation($id: ID!) { updateActivity(id: $id, input: {eligiblePartners: ["GEO", "ZZZ"]}) { id } }',
        {"id": activity["id"]},
    )
    assert result.codes == ["BAD_USER_INPUT"] and "ZZZ" in result.errors[0]["message"]
    kept = await menu.graphql(
        'mutation($id: ID!) { updateActivity(id: $id, input: {eligiblePartners: ["UKR"]}) { eligiblePartners } }',
        {"id": activity["id"]},
    )
    assert kept.ok()["updateActivity"]["eligiblePartners"] == ["UKR"]


async def test_a_second_activity_with_the_same_pcm_ref_is_a_conflict(menu: ServiceHarness, make_input) -> None:
    values = make_input()
    (await menu.graphql(CREATE, {"input": values})).ok()
    result = await menu.graphql(CREATE, {"input": {**values, "title": "Another"}})
    assert result.codes == ["CONFLICT"] and result.fields == ["pcmRef"]


async def test_unknown_ids_are_not_found(menu: ServiceHarness) -> None:
    for mutation in (
        "publishActivity(id: $id)",
        "archiveActivity(id: $id)",
        "openOccurrenceRegistration(id: $id)",
        'cancelOccurrence(id: $id, reason: "x")',
        'withdrawActivity(id: $id, reason: "x")',
    ):
        result = await menu.graphql(f"mutation($id: ID!) {{ {mutation} {{ id }} }}", {"id": str(uuid.uuid4())})
        assert result.codes == ["NOT_FOUND"], mutation


async def test_an_id_that_is_not_a_uuid_is_bad_user_input(menu: ServiceHarness) -> None:
    result = await menu.graphql('mutation { publishActivity(id: "42") { id } }')
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["id"]


async def test_scheduling_for_an_unknown_activity_names_the_field(menu: ServiceHarness, make_occurrence_input) -> None:
    result = await menu.graphql(
        "mutation($a: ID!, $i: OccurrenceInput!) { scheduleOccurrence(activityId: $a, input: $i) { id } }",
        {"a": str(uuid.uuid4()), "i": make_occurrence_input()},
    )
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["activityId"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"endDate": "2020-01-01"}, "endDate"),
        ({"seats": 0}, "seats"),
        ({"location": ""}, "location"),
    ],
)
async def test_bad_occurrences_are_refused_and_nothing_is_written(
    menu: ServiceHarness, create_activity, make_occurrence_input, overrides, field
) -> None:
    activity = await create_activity()
    before = await menu.outbox_count()
    result = await menu.graphql(
        "mutation($a: ID!, $i: OccurrenceInput!) { scheduleOccurrence(activityId: $a, input: $i) { id } }",
        {"a": activity["id"], "i": make_occurrence_input(**overrides)},
    )
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == [field]
    assert await menu.outbox_count() == before


async def test_an_occurrence_in_the_past_is_refused(
    menu: ServiceHarness, create_activity, make_occurrence_input
) -> None:
    activity = await create_activity()
    result = await menu.graphql(
        "mutation($a: ID!, $i: OccurrenceInput!) { scheduleOccurrence(activityId: $a, input: $i) { id } }",
        {"a": activity["id"], "i": make_occurrence_input(days_ahead=-10, registrationDeadline=None)},
    )
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["startDate"]


async def test_a_stale_expected_version_is_a_conflict_and_changes_nothing(
    menu: ServiceHarness, create_activity
) -> None:
    activity = await create_activity()
    before = await menu.outbox_count()
    result = await menu.graphql(
        'mutation($id: ID!) { updateActivity(id: $id, expectedVersion: 7, input: {title: "New"}) { id } }',
        {"id": activity["id"]},
    )
    assert result.codes == ["CONFLICT"]
    assert result.errors[0]["extensions"]["actualVersion"] == 1
    unchanged = (
        await menu.graphql("query($id: ID) { activity(id: $id) { title version } }", {"id": activity["id"]})
    ).ok()["activity"]
    assert unchanged == {"title": activity["title"], "version": 1}
    assert await menu.outbox_count() == before


async def test_a_transition_the_lifecycle_does_not_allow_is_a_conflict(menu: ServiceHarness, create_activity) -> None:
    activity = await create_activity()
    result = await menu.graphql(
        'mutation($id: ID!) { withdrawActivity(id: $id, reason: "x") { id } }', {"id": activity["id"]}
    )
    assert result.codes == ["CONFLICT"]
    assert result.errors[0]["extensions"]["currentStatus"] == "DRAFT"


async def test_withdrawal_needs_a_reason(menu: ServiceHarness, create_activity) -> None:
    activity = await create_activity(publish=True)
    result = await menu.graphql(
        'mutation($id: ID!) { withdrawActivity(id: $id, reason: " ") { id } }', {"id": activity["id"]}
    )
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["reason"]


async def test_a_page_larger_than_a_hundred_is_refused(menu: ServiceHarness) -> None:
    result = await menu.graphql("{ activities(first: 101) { totalCount } }")
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["first"]


async def test_a_cursor_that_is_not_ours_is_refused(menu: ServiceHarness) -> None:
    result = await menu.graphql('{ activities(after: "garbage!") { totalCount } }')
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["after"]


async def test_an_oversized_search_is_refused(menu: ServiceHarness) -> None:
    result = await menu.graphql("query($s: String) { activities(search: $s) { totalCount } }", {"s": "x" * 201})
    assert result.codes == ["BAD_USER_INPUT"] and result.fields == ["search"]


async def test_activity_needs_exactly_one_key(menu: ServiceHarness) -> None:
    result = await menu.graphql("{ activity { id } }")
    assert result.codes == ["BAD_USER_INPUT"]


async def test_a_query_for_a_field_that_does_not_exist_is_a_validation_error(menu: ServiceHarness) -> None:
    result = await menu.graphql("{ activities { nope } }")
    assert result.codes == ["GRAPHQL_VALIDATION_FAILED"]
