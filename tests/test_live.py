"""Subscriptions as graphql-ws clients (Apollo Client, urql) use them: many on one WebSocket, through the gateway."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import websockets

from .conftest import System
from .test_gateway import publish_activity

CHANGED = "subscription($ids: [ID!]) { activityChanged(ids: $ids) { id title version nextStartDate area { code } } }"


class GraphQLWebSocket:
    """The graphql-transport-ws protocol, as browser clients speak it."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket

    @classmethod
    async def open(cls, url: str, token: str | None) -> GraphQLWebSocket:
        socket = await websockets.connect(
            url.replace("http", "ws", 1) + "/graphql", subprotocols=[websockets.Subprotocol("graphql-transport-ws")]
        )
        payload = {"Authorization": f"Bearer {token}"} if token else {}
        await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        return cls(socket)

    async def subscribe(self, operation_id: str, query: str, variables: dict[str, Any]) -> None:
        await self.socket.send(
            json.dumps({"id": operation_id, "type": "subscribe", "payload": {"query": query, "variables": variables}})
        )

    async def next_message(self, timeout: float = 20) -> dict[str, Any]:
        while True:
            message = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
            if message["type"] != "ping":
                return message  # type: ignore[no-any-return]
            await self.socket.send(json.dumps({"type": "pong"}))

    async def close(self) -> None:
        await self.socket.close()


async def test_five_subscriptions_on_one_websocket_each_see_their_activity(system: System) -> None:
    activities = [publish_activity(system) for _ in range(5)]
    client = await GraphQLWebSocket.open(system.gateway, system.token("staff"))
    try:
        before = system.subscribers("menu", "activities")
        for n, activity in enumerate(activities):
            await client.subscribe(str(n), CHANGED, {"ids": [activity["id"]]})
        # The subgraph starts tailing its topics with the first subscriber: changes are made once it listens.
        await asyncio.to_thread(system.wait_for_subscribers, "menu", "activities", before + 5)
        for round_ in range(3):
            for activity in activities:
                updated = system.graphql(
                    "mutation($id: ID!, $t: String) { updateActivity(id: $id, input: {title: $t}) { version } }",
                    {"id": activity["id"], "t": f"Round {round_} {activity['pcmRef']}"},
                )
                assert "errors" not in updated, updated
            seen: dict[str, dict[str, Any]] = {}
            while len(seen) < 5 or any(not c["title"].startswith(f"Round {round_} ") for c in seen.values()):
                message = await client.next_message()
                assert message["type"] == "next", message  # never an error, never a completed subscription
                assert "errors" not in message["payload"], message
                seen[message["id"]] = message["payload"]["data"]["activityChanged"]
            for n, activity in enumerate(activities):
                assert seen[str(n)]["id"] == activity["id"] and seen[str(n)]["area"] == {"code": "CEP"}
    finally:
        await client.close()


async def test_a_malformed_subscription_argument_is_bad_user_input_through_the_gateway(system: System) -> None:
    client = await GraphQLWebSocket.open(system.gateway, system.token("staff"))
    try:
        for n, (ids, field) in enumerate(((["not-an-id"], "ids"), (["x\x00y"], "ids[0]"))):
            await client.subscribe(f"bad{n}", CHANGED, {"ids": ids})
            # a coded result, not a protocol error frame (the gateway would hide its code)
            while (message := await client.next_message())["type"] == "complete":
                assert message["id"] != f"bad{n}", message  # the one before ends after its error
            assert message["type"] == "next" and message["id"] == f"bad{n}", message
            assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == ["BAD_USER_INPUT"], message
            assert message["payload"]["errors"][0]["extensions"]["field"] == field
            assert "sqlalchemy" not in json.dumps(message).lower()
    finally:
        await client.close()


async def test_scheduling_an_occurrence_fires_activity_changed_through_the_gateway(system: System) -> None:
    activity = publish_activity(system)
    client = await GraphQLWebSocket.open(system.gateway, system.token("staff"))
    try:
        before = system.subscribers("menu", "activities")
        await client.subscribe("one", CHANGED, {"ids": [activity["id"]]})
        await asyncio.to_thread(system.wait_for_subscribers, "menu", "activities", before + 1)
        scheduled = system.graphql(
            'mutation($a: ID!) { scheduleOccurrence(activityId: $a, input: {startDate: "2031-03-02", '
            'endDate: "2031-03-06", location: "Geneva", host: "GCSP", seats: 20}) { startDate } }',
            {"a": activity["id"]},
        )
        assert "errors" not in scheduled, scheduled
        while (change := (await client.next_message())["payload"]["data"]["activityChanged"])["nextStartDate"] is None:
            assert change["version"] <= 2  # the activity's own publication may still be on its way
        assert change["nextStartDate"] == "2031-03-02"
    finally:
        await client.close()


async def test_a_subscription_without_a_valid_token_is_refused_with_a_code_through_the_gateway(system: System) -> None:
    for token in (None, "not-a-jwt"):
        client = await GraphQLWebSocket.open(system.gateway, token)
        try:
            await client.subscribe("1", CHANGED, {"ids": [str(uuid.uuid4())]})
            message = await client.next_message()
            codes = [e["extensions"].get("code") for e in message["payload"]["errors"]]
            assert codes == ["UNAUTHENTICATED"], message
        finally:
            await client.close()
