"""activityChanged: a subscriber sees the changes of the activities it asked for, as they happen."""

from __future__ import annotations

import asyncio

from shared.testing.harness import ServiceHarness

SUBSCRIBE = "subscription($ids: [ID!]) { activityChanged(ids: $ids) { id status version area { code } } }"


async def test_a_subscriber_sees_each_change_of_the_activities_it_asked_for(menu: ServiceHarness,
                                                                           create_activity) -> None:
    activity = await create_activity()
    other = await create_activity()
    stream = await menu.subscribe(SUBSCRIBE, {"ids": [activity["id"]]})
    seen: list[tuple[str, int]] = []

    async def collect() -> None:
        async for result in stream:
            assert not result.errors, result.errors
            change = result.data["activityChanged"]
            seen.append((change["status"], change["version"]))
            if change["status"] == "WITHDRAWN":
                return

    collector = asyncio.create_task(collect())
    await asyncio.wait_for(menu.runtime.live.listening.wait(), 10)
    await menu.graphql("mutation($id: ID!) { publishActivity(id: $id) { id } }", {"id": other["id"]})
    await menu.graphql("mutation($id: ID!) { publishActivity(id: $id) { id } }", {"id": activity["id"]})
    await menu.graphql('mutation($id: ID!) { withdrawActivity(id: $id, reason: "Cancelled") { id } }',
                       {"id": activity["id"]})
    await asyncio.wait_for(collector, 20)
    assert seen[-1] == ("WITHDRAWN", 3)
    assert [version for _, version in seen] == sorted({version for _, version in seen})  # never older, never twice
