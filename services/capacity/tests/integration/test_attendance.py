"""A measure that links menu activities shows its request's partner's attendance at them, as the menu's
nomination events tell it; another partner's attendance is not its partner's."""

from __future__ import annotations

from shared.testing.harness import ServiceHarness, eventually
from shared.testing.kafka import publish_nomination

from .test_lifecycle import _request_with_measure

ATTENDANCE = (
    "query($id: ID!) { capacityRequest(id: $id) { package { measures { attendance { activityId "
    "occurrenceId startDate participants } } } } }"
)


async def test_a_measure_shows_its_partners_attendance_at_the_activities_it_links(
    capacity: ServiceHarness, known_partner, publish_activity
) -> None:
    activity = await publish_activity()
    iso, other = await known_partner(), await known_partner()
    request_id, _ = await _request_with_measure(capacity, iso, activity)
    topic = capacity.settings.topic("menu.nomination.v1")
    bootstrap = capacity.settings.kafka_bootstrap_servers
    occurrence = "0b6f2a4e-3c1d-4e59-9f7a-2d8c1e5b7a90"
    for _ in range(2):  # two of its participants at one occurrence
        await publish_nomination(
            bootstrap, topic, partner_iso=iso, activity_id=activity, start="2027-04-12", occurrence_id=occurrence
        )
    await publish_nomination(
        bootstrap, topic, partner_iso=iso, activity_id=activity, start="2027-05-01", status="NO_SHOW", verb="no_show"
    )
    await publish_nomination(bootstrap, topic, partner_iso=other, activity_id=activity, start="2027-04-12")

    async def shown():  # type: ignore[no-untyped-def]
        measure = (await capacity.graphql(ATTENDANCE, {"id": request_id})).ok()["capacityRequest"]["package"][
            "measures"
        ][0]
        return (
            measure["attendance"] if measure["attendance"] and measure["attendance"][0]["participants"] == 2 else None
        )

    assert await eventually(shown) == [
        {"activityId": activity, "occurrenceId": occurrence, "startDate": "2027-04-12", "participants": 2}
    ]
