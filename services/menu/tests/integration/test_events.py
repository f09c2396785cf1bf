"""Every mutation's event reaches its topic as a CloudEvent, keyed by the aggregate, valid against its schema."""

from __future__ import annotations

import jsonschema

from menu.activities.events import ACTIVITY_EVENTS, ACTIVITY_TOPIC, OCCURRENCE_EVENTS, OCCURRENCE_TOPIC
from shared.testing.harness import ServiceHarness
from shared.testing.kafka import read_events

CE_HEADERS = {
    "ce_specversion",
    "ce_id",
    "ce_source",
    "ce_type",
    "ce_time",
    "content-type",
    "ce_actor",
    "ce_traceparent",
}


async def test_activity_events_arrive_in_order_with_cloudevents_headers(menu: ServiceHarness, create_activity) -> None:
    activity = await create_activity(publish=True)
    await menu.graphql(
        'mutation($id: ID!) { updateActivity(id: $id, input: {tags: ["renamed"]}) { id } }', {"id": activity["id"]}
    )
    await menu.graphql(
        'mutation($id: ID!) { withdrawActivity(id: $id, reason: "Gone") { id } }', {"id": activity["id"]}
    )
    await menu.graphql("mutation($id: ID!) { archiveActivity(id: $id) { id } }", {"id": activity["id"]})
    events = await read_events(
        menu.settings.kafka_bootstrap_servers, menu.settings.topic(ACTIVITY_TOPIC), key=activity["id"], at_least=5
    )
    assert [e.type for e, _ in events] == [
        "menu.activity.created",
        "menu.activity.published",
        "menu.activity.updated",
        "menu.activity.withdrawn",
        "menu.activity.archived",
    ]
    assert [e.data["version"] for e, _ in events] == [1, 2, 3, 4, 5]
    schema = ACTIVITY_EVENTS.json_schema()
    for event, headers in events:
        assert CE_HEADERS <= set(headers)
        assert headers["ce_specversion"] == "1.0" and headers["content-type"] == "application/json"
        assert event.source == "/partnership-hub/menu" and event.actor == "staff (staff)"
        assert event.key == activity["id"] and event.data["id"] == activity["id"]
        jsonschema.validate(event.data, schema)
    assert events[3][0].data["status"] == "WITHDRAWN" and events[3][0].data["withdrawalReason"] == "Gone"


async def test_occurrence_events_arrive_for_every_step(menu: ServiceHarness, create_activity, schedule) -> None:
    activity = await create_activity(publish=True)
    first = await schedule(activity["id"])
    second = await schedule(activity["id"], days_ahead=90)
    for name in ("openOccurrenceRegistration", "closeOccurrenceRegistration", "markOccurrenceHeld"):
        (await menu.graphql(f"mutation($id: ID!) {{ {name}(id: $id) {{ id }} }}", {"id": first["id"]})).ok()
    (
        await menu.graphql(
            "mutation($id: ID!) { updateOccurrence(id: $id, input: {seats: 12}) { id } }", {"id": second["id"]}
        )
    ).ok()
    (
        await menu.graphql(
            'mutation($id: ID!) { cancelOccurrence(id: $id, reason: "Venue lost") { id } }', {"id": second["id"]}
        )
    ).ok()
    topic = menu.settings.topic(OCCURRENCE_TOPIC)
    bootstrap = menu.settings.kafka_bootstrap_servers
    first_events = await read_events(bootstrap, topic, key=first["id"], at_least=4)
    second_events = await read_events(bootstrap, topic, key=second["id"], at_least=3)
    assert [e.type for e, _ in first_events] == [
        "menu.occurrence.scheduled",
        "menu.occurrence.registration_opened",
        "menu.occurrence.registration_closed",
        "menu.occurrence.held",
    ]
    assert [e.type for e, _ in second_events] == [
        "menu.occurrence.scheduled",
        "menu.occurrence.updated",
        "menu.occurrence.cancelled",
    ]
    schema = OCCURRENCE_EVENTS.json_schema()
    for event, headers in first_events + second_events:
        assert CE_HEADERS <= set(headers)
        jsonschema.validate(event.data, schema)


async def test_the_trace_context_of_the_request_travels_with_the_event(menu: ServiceHarness, make_input) -> None:
    traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    result = await menu.graphql(
        "mutation($input: ActivityInput!) { createActivity(input: $input) { id } }",
        {"input": make_input()},
        headers={"traceparent": traceparent},
    )
    activity_id = result.ok()["createActivity"]["id"]
    [(event, headers)] = await read_events(
        menu.settings.kafka_bootstrap_servers, menu.settings.topic(ACTIVITY_TOPIC), key=activity_id
    )
    assert headers["ce_traceparent"] == traceparent
