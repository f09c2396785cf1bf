"""Republish tells every aggregate again, at its current version, on its own topic, without entering its history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from menu.activities.events import ACTIVITY_TOPIC, OCCURRENCE_TOPIC
from menu.app import SNAPSHOTS
from menu.participation.events import NOMINATION_TOPIC
from shared.events.republish import republish
from shared.testing.harness import ServiceHarness
from shared.testing.kafka import read_events

from .test_nominations import nominate, open_occurrence


async def test_republish_tells_each_aggregate_changed_since_a_time_at_its_current_version(
    menu: ServiceHarness, create_activity, schedule
) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    occurrence = await open_occurrence(menu, create_activity, schedule)
    activity = {"id": occurrence["activityId"]}
    nomination = await nominate(menu, occurrence["id"])
    told = await republish(menu.runtime, SNAPSHOTS, since)
    assert told[ACTIVITY_TOPIC] >= 1 and told[OCCURRENCE_TOPIC] >= 1 and told[NOMINATION_TOPIC] >= 1

    bootstrap = menu.settings.kafka_bootstrap_servers
    for topic, key, count in (
        (ACTIVITY_TOPIC, activity["id"], 3),
        (OCCURRENCE_TOPIC, occurrence["id"], 2),
        (NOMINATION_TOPIC, nomination["id"], 2),
    ):
        events = [
            event for event, _ in await read_events(bootstrap, menu.settings.topic(topic), key=key, at_least=count)
        ]
        *changes, snapshot = events
        assert snapshot.type.endswith(".snapshot") and snapshot.actor == "republish (system)"
        assert snapshot.data == changes[-1].data or snapshot.data["version"] == changes[-1].data["version"]
    history = (
        await menu.graphql(
            "query($id: ID!) { activity(id: $id) { history { edges { node { type } } } } }", {"id": activity["id"]}
        )
    ).ok()["activity"]["history"]["edges"]
    assert [e["node"]["type"] for e in history] == ["menu.activity.published", "menu.activity.created"]
