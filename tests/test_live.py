"""Subscriptions as graphql-ws clients (Apollo Client, urql) use them: many on one WebSocket, through the gateway."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import websockets

from .conftest import System, gateway_process
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


def _forged(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["roles"] = ["staff"]  # the signature no longer matches
    return ".".join((header, base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("="), signature))


async def test_a_websocket_without_a_valid_token_closes_with_4401_at_connection_init(system: System) -> None:
    """gateway/websockets.ts: refused before any subscribe, as graphql-transport-ws says (4401 Unauthorized)."""
    valid = system.token("partner-geo")
    for authorization in (None, "Bearer not-a-jwt", f"Bearer {_forged(valid)}", f"Basic {valid}", valid):
        socket = await websockets.connect(
            system.gateway.replace("http", "ws", 1) + "/graphql",
            subprotocols=[websockets.Subprotocol("graphql-transport-ws")],
        )
        try:
            payload = {"Authorization": authorization} if authorization else {}
            await socket.send(json.dumps({"type": "connection_init", "payload": payload}))
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), 10)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401, (authorization, closed.value)
        finally:
            await socket.close()
    client = await GraphQLWebSocket.open(system.gateway, valid)  # and a valid one is acknowledged
    await client.close()


async def test_past_the_operations_one_websocket_may_run_at_once_each_is_refused_with_a_code(
    system: System, tmp_path: Path
) -> None:
    log = tmp_path / "gateway-few-operations.log"
    with gateway_process(system.supergraph, log, OIDC_ISSUER_URL=system.issuer, GATEWAY_MAX_SUBSCRIPTIONS="2") as url:
        client = await GraphQLWebSocket.open(url, system.token("staff"))
        try:
            for n in range(4):
                await client.subscribe(str(n), CHANGED, {"ids": [str(uuid.uuid4())]})
            refused = [await client.next_message(), await client.next_message()]
            assert {(m["type"], m["id"]) for m in refused} == {("error", "2"), ("error", "3")}, refused
            assert {e["extensions"]["code"] for m in refused for e in m["payload"]} == {"OPERATION_LIMIT_EXCEEDED"}
            await client.socket.send(json.dumps({"id": "0", "type": "complete"}))
            await client.subscribe("4", CHANGED, {"ids": [str(uuid.uuid4())]})  # room again for one
            with pytest.raises(asyncio.TimeoutError):
                await client.next_message(timeout=1)
        finally:
            await client.close()
    assert log.read_text().count("operations at once") == 1  # logged once per socket
