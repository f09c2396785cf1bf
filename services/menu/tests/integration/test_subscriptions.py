"""activityChanged: a subscriber sees the changes of the activities it asked for, as they happen."""

from __future__ import annotations

import asyncio
from typing import Any

from shared.testing.harness import ServiceHarness

SUBSCRIBE = "subscription($ids: [ID!]) { activityChanged(ids: $ids) { id status version nextStartDate area { code } } }"


async def _collect(stream: Any, seen: list[dict[str, Any]], until: Any) -> None:
    try:
        async for result in stream:
            assert not result.errors, result.errors
            seen.append(result.data["activityChanged"])
            if until(seen[-1]):
                return
    finally:
        await stream.aclose()  # the subscription ends: its context gives its connection back


async def test_a_subscriber_sees_each_change_of_the_activities_it_asked_for(
    menu: ServiceHarness, create_activity
) -> None:
    activity = await create_activity()
    other = await create_activity()
    stream = await menu.subscribe(SUBSCRIBE, {"ids": [activity["id"]]})
    seen: list[dict[str, Any]] = []
    collector = asyncio.create_task(_collect(stream, seen, lambda change: change["status"] == "WITHDRAWN"))
    await asyncio.wait_for(menu.runtime.live.listening.wait(), 10)
    await menu.graphql("mutation($id: ID!) { publishActivity(id: $id) { id } }", {"id": other["id"]})
    await menu.graphql("mutation($id: ID!) { publishActivity(id: $id) { id } }", {"id": activity["id"]})
    await menu.graphql(
        'mutation($id: ID!) { withdrawActivity(id: $id, reason: "Cancelled") { id } }', {"id": activity["id"]}
    )
    await asyncio.wait_for(collector, 20)
    assert {change["id"] for change in seen} == {activity["id"]}
    assert (seen[-1]["status"], seen[-1]["version"]) == ("WITHDRAWN", 3)
    versions = [change["version"] for change in seen]
    assert versions == sorted(versions)  # never an older state after a newer one


async def test_scheduling_moving_and_cancelling_an_occurrence_is_a_change_of_its_activity(
    menu: ServiceHarness, create_activity, schedule, make_occurrence_input
) -> None:
    activity = await create_activity(publish=True)
    stream = await menu.subscribe(SUBSCRIBE, {"ids": [activity["id"]]})
    seen: list[dict[str, Any]] = []
    # Done once a start date came and went; the activity's own publication may come first.
    collector = asyncio.create_task(
        _collect(stream, seen, lambda change: change["nextStartDate"] is None and any(c["nextStartDate"] for c in seen))
    )
    await asyncio.wait_for(menu.runtime.live.listening.wait(), 10)
    occurrence = await schedule(activity["id"], days_ahead=50)
    await asyncio.sleep(0.7)  # one message per change, not coalesced
    moved = make_occurrence_input(days_ahead=20)
    await menu.graphql(
        "mutation($id: ID!, $start: Date, $end: Date, $deadline: Date) { updateOccurrence(id: $id, "
        "input: {startDate: $start, endDate: $end, registrationDeadline: $deadline}) { id } }",
        {
            "id": occurrence["id"],
            "start": moved["startDate"],
            "end": moved["endDate"],
            "deadline": moved["registrationDeadline"],
        },
    )
    await asyncio.sleep(0.7)
    await menu.graphql(
        'mutation($id: ID!) { cancelOccurrence(id: $id, reason: "No venue") { id } }', {"id": occurrence["id"]}
    )
    await asyncio.wait_for(collector, 20)
    # Each message is the latest state: a late event of the publication may repeat one, never reorder them.
    dates = [
        date
        for n, date in enumerate(d["nextStartDate"] for d in seen)
        if n == 0 or date != seen[n - 1]["nextStartDate"]
    ]
    assert dates[dates.index(occurrence["startDate"]) :] == [occurrence["startDate"], moved["startDate"], None]
    assert {change["version"] for change in seen} == {activity["version"]}


async def test_a_malformed_id_is_refused_as_bad_input_before_the_stream_starts(menu: ServiceHarness) -> None:
    result = await menu.schema.subscribe(
        SUBSCRIBE, variable_values={"ids": ["not-an-id"]}, context_value=await _context(menu)
    )
    message = await anext(result)
    await result.aclose()
    assert [e.extensions["code"] for e in message.errors] == ["BAD_USER_INPUT"]
    assert message.errors[0].extensions["field"] == "ids"


async def _context(menu: ServiceHarness) -> Any:
    from shared.graphql.context import RequestContext

    context: RequestContext = RequestContext(menu.runtime)
    await context.sign_in(f"Bearer {await menu.token('staff')}")
    return context


async def test_a_new_subscriber_gets_no_change_older_than_its_subscription_nor_a_restatement(
    menu: ServiceHarness, create_activity
) -> None:
    """A broker may hand the live tail records from before the end it asked for (the development broker reports
    ends below what it holds), and a republish restates every aggregate: neither is news to a new subscriber."""
    from datetime import UTC, datetime, timedelta

    from shared.events.envelope import CloudEvent, DomainEvent
    from shared.events.kafka import create_producer

    activity = await create_activity()
    await asyncio.sleep(1.5)  # its creation is old news (past the grace for changes committing as one subscribes)
    stream = await menu.subscribe(SUBSCRIBE, {"ids": [activity["id"]]})
    seen: list[dict[str, Any]] = []
    collector = asyncio.create_task(_collect(stream, seen, lambda change: change["version"] >= 2))
    await asyncio.wait_for(menu.runtime.live.listening.wait(), 10)
    settings = menu.runtime.settings
    producer = create_producer(settings)
    await producer.start()
    try:
        source = menu.runtime.catalogue.source
        for verb, when in (("updated", datetime.now(UTC) - timedelta(minutes=5)), ("snapshot", datetime.now(UTC))):
            event = CloudEvent.new(
                DomainEvent(
                    "menu.activity.v1", f"menu.activity.{verb}", activity["id"], {"id": activity["id"], "version": 1}
                ),
                source,
            )
            event = CloudEvent(**{**{f: getattr(event, f) for f in event.__slots__}, "time": when})
            await producer.send_and_wait(
                settings.topic("menu.activity.v1"), event.value(), key=event.key.encode(), headers=event.headers()
            )
    finally:
        await producer.stop()
    await asyncio.sleep(1.5)  # the tail reads both before the change below
    await menu.graphql("mutation($id: ID!) { publishActivity(id: $id) { id } }", {"id": activity["id"]})
    await asyncio.wait_for(collector, 20)
    assert [change["version"] for change in seen] == [2]
