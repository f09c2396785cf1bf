"""Occurrences: scheduled, opened, closed, held, or cancelled; withdrawal cancels what is to come."""

from __future__ import annotations

from shared.testing.harness import ServiceHarness

STEP = "mutation($id: ID!) {{ {name}(id: $id) {{ status version }} }}"


async def test_an_occurrence_walks_its_whole_lifecycle(menu: ServiceHarness, create_activity, schedule) -> None:
    activity = await create_activity(publish=True)
    occurrence = await schedule(activity["id"])
    assert occurrence["status"] == "PLANNED"
    for name, status in (
        ("openOccurrenceRegistration", "OPEN"),
        ("closeOccurrenceRegistration", "CLOSED"),
        ("markOccurrenceHeld", "HELD"),
    ):
        result = (await menu.graphql(STEP.format(name=name), {"id": occurrence["id"]})).ok()[name]
        assert result["status"] == status


async def test_an_activity_lists_its_occurrences_earliest_first(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    activity = await create_activity()
    later = await schedule(activity["id"], days_ahead=90)
    sooner = await schedule(activity["id"], days_ahead=40)
    result = (
        await menu.graphql(
            "query($id: ID) { activity(id: $id) { nextStartDate occurrences { totalCount "
            "edges { node { id } } pageInfo { endCursor } } } }",
            {"id": activity["id"]},
        )
    ).ok()["activity"]
    assert [e["node"]["id"] for e in result["occurrences"]["edges"]] == [sooner["id"], later["id"]]
    assert result["occurrences"]["totalCount"] == 2
    assert result["nextStartDate"] == sooner["startDate"]
    page = (
        await menu.graphql(
            "query($id: ID) { activity(id: $id) { occurrences(first: 1) { edges { node { id } } "
            "pageInfo { hasNextPage endCursor } } } }",
            {"id": activity["id"]},
        )
    ).ok()
    first = page["activity"]["occurrences"]
    rest = (
        await menu.graphql(
            "query($id: ID, $after: String) { activity(id: $id) { occurrences(first: 1, "
            "after: $after) { edges { node { id } } pageInfo { hasNextPage } } } }",
            {"id": activity["id"], "after": first["pageInfo"]["endCursor"]},
        )
    ).ok()
    assert first["pageInfo"]["hasNextPage"] and [e["node"]["id"] for e in first["edges"]] == [sooner["id"]]
    assert [e["node"]["id"] for e in rest["activity"]["occurrences"]["edges"]] == [later["id"]]
    one = (
        await menu.graphql("query($id: ID!) { occurrence(id: $id) { id activity { id } } }", {"id": later["id"]})
    ).ok()["occurrence"]
    assert one == {"id": later["id"], "activity": {"id": activity["id"]}}


async def test_withdrawing_an_activity_cancels_its_occurrences_still_to_come(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    activity = await create_activity(publish=True)
    occurrence = await schedule(activity["id"])
    await menu.graphql(
        'mutation($id: ID!) { withdrawActivity(id: $id, reason: "No instructors") { id } }', {"id": activity["id"]}
    )
    result = (
        await menu.graphql(
            "query($id: ID) { activity(id: $id) { nextStartDate occurrences "
            "{ edges { node { id status cancellationReason } } } } }",
            {"id": activity["id"]},
        )
    ).ok()["activity"]
    assert [e["node"] for e in result["occurrences"]["edges"]] == [
        {"id": occurrence["id"], "status": "CANCELLED", "cancellationReason": "activity withdrawn: No instructors"}
    ]
    assert result["nextStartDate"] is None


async def test_an_occurrence_can_be_moved_while_registration_is_open(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    activity = await create_activity()
    occurrence = await schedule(activity["id"])
    moved = await menu.graphql(
        'mutation($id: ID!) { updateOccurrence(id: $id, expectedVersion: 1, input: {seats: 40, location: "Rome"}) '
        "{ seats { total } location version } }",
        {"id": occurrence["id"]},
    )
    assert moved.ok()["updateOccurrence"] == {"seats": {"total": 40}, "location": "Rome", "version": 2}
