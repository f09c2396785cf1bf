"""Occurrences: scheduled, opened, closed, held, or cancelled; withdrawal cancels what is to come."""

from __future__ import annotations

from shared.testing.harness import ServiceHarness

STEP = "mutation($id: ID!) {{ {name}(id: $id) {{ status version }} }}"


async def test_an_occurrence_walks_its_whole_lifecycle(menu: ServiceHarness, create_activity, schedule) -> None:
    activity = await create_activity(publish=True)
    occurrence = await schedule(activity["id"])
    assert occurrence["status"] == "PLANNED"
    for name, status in (("openOccurrenceRegistration", "OPEN"), ("closeOccurrenceRegistration", "CLOSED"),
                         ("markOccurrenceHeld", "HELD")):
        result = (await menu.graphql(STEP.format(name=name), {"id": occurrence["id"]})).ok()[name]
        assert result["status"] == status


async def test_an_activity_lists_its_occurrences_earliest_first(menu: ServiceHarness, create_activity,
                                                                schedule) -> None:
    activity = await create_activity()
    later = await schedule(activity["id"], days_ahead=90)
    sooner = await schedule(activity["id"], days_ahead=40)
    result = (await menu.graphql("query($id: ID) { activity(id: $id) { nextStartDate occurrences { id } } }",
                                 {"id": activity["id"]})).ok()["activity"]
    assert [o["id"] for o in result["occurrences"]] == [sooner["id"], later["id"]]
    assert result["nextStartDate"] == sooner["startDate"]


async def test_withdrawing_an_activity_cancels_its_occurrences_still_to_come(menu: ServiceHarness, create_activity,
                                                                             schedule) -> None:
    activity = await create_activity(publish=True)
    occurrence = await schedule(activity["id"])
    await menu.graphql('mutation($id: ID!) { withdrawActivity(id: $id, reason: "No instructors") { id } }',
                       {"id": activity["id"]})
    result = (await menu.graphql("query($id: ID) { activity(id: $id) { nextStartDate occurrences "
                                 "{ id status cancellationReason } } }", {"id": activity["id"]})).ok()["activity"]
    assert result["occurrences"] == [{"id": occurrence["id"], "status": "CANCELLED",
                                      "cancellationReason": "activity withdrawn: No instructors"}]
    assert result["nextStartDate"] is None


async def test_an_occurrence_can_be_moved_while_registration_is_open(menu: ServiceHarness, create_activity,
                                                                     schedule) -> None:
    activity = await create_activity()
    occurrence = await schedule(activity["id"])
    moved = await menu.graphql(
        "mutation($id: ID!) { updateOccurrence(id: $id, expectedVersion: 1, input: {seats: 40, location: \"Rome\"}) "
        "{ seats location version } }", {"id": occurrence["id"]})
    assert moved.ok()["updateOccurrence"] == {"seats": 40, "location": "Rome", "version": 2}
