"""Idempotency-Key: a mutation sent again with its key gets the first outcome and never makes a second change,
through the gateway (which forwards the header) and direct."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlparse

import httpx
import orjson

from shared.settings import DEV_GATEWAY_SECRET

from .conftest import System
from .test_gateway import publish_activity

UPDATE = "mutation($id: ID!, $tags: [String!]) { updateActivity(id: $id, input: {tags: $tags}) { id version tags } }"
VERSION = "query($id: ID!) { activity(id: $id) { version history(first: 50) { edges { node { version } } } } }"


async def _send(
    system: System, key: str, variables: dict[str, Any], as_: str = "staff", direct: bool = False
) -> dict[str, Any]:
    url = f"{system.services['menu'] if direct else system.gateway}/graphql"
    headers = {
        **system.headers(as_),
        "idempotency-key": key,
        **({"x-hub-gateway-secret": DEV_GATEWAY_SECRET} if direct else {}),
    }
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(url, json={"query": UPDATE, "variables": variables}, headers=headers)
    return response.json()  # type: ignore[no-any-return]


def _versions(system: System, activity: str) -> tuple[int, list[int]]:
    found = system.graphql(VERSION, {"id": activity})["data"]["activity"]
    return found["version"], sorted(edge["node"]["version"] for edge in found["history"]["edges"])


def _cut(system: System, key: str, variables: dict[str, Any]) -> None:
    """Sends the mutation and hangs up before any answer, as a client whose connection drops does."""
    address = urlparse(system.gateway)
    body = orjson.dumps({"query": UPDATE, "variables": variables})
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {address.netloc}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {system.token('staff')}\r\nIdempotency-Key: {key}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(head + body)


async def test_a_change_whose_answer_was_cut_off_is_answered_again_and_made_once(system: System) -> None:
    activity = publish_activity(system)["id"]
    before, _ = _versions(system, activity)
    key, variables = str(uuid.uuid4()), {"id": activity, "tags": ["cut"]}
    _cut(system, key, variables)
    deadline = time.monotonic() + 15
    while _versions(system, activity)[0] == before:  # the change goes on without its caller
        assert time.monotonic() < deadline
        await asyncio.sleep(0.1)
    again = await _send(system, key, variables)
    assert again["data"]["updateActivity"]["version"] == before + 1, again
    assert await _send(system, key, variables) == again  # and again
    await asyncio.sleep(0.5)
    version, history = _versions(system, activity)
    assert version == before + 1 and history == list(range(1, before + 2))  # one change, one event


async def test_concurrent_requests_with_one_key_make_one_change(system: System) -> None:
    activity = publish_activity(system)["id"]
    before, _ = _versions(system, activity)
    key, variables = str(uuid.uuid4()), {"id": activity, "tags": ["twice"]}
    answers = await asyncio.gather(*(_send(system, key, variables) for _ in range(4)))
    assert all(answer == answers[0] for answer in answers), answers
    assert answers[0]["data"]["updateActivity"]["version"] == before + 1
    assert _versions(system, activity)[0] == before + 1


async def test_a_key_sent_with_other_variables_is_refused_and_another_callers_key_is_its_own(system: System) -> None:
    activity = publish_activity(system)["id"]
    key = str(uuid.uuid4())
    first = await _send(system, key, {"id": activity, "tags": ["a"]})
    assert "errors" not in first, first
    other = await _send(system, key, {"id": activity, "tags": ["b"]})
    [error] = other["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["extensions"]["field"] == "Idempotency-Key"
    # The same key from another caller is that caller's: its own operation runs (and is refused on its own
    # merits), nothing of staff's is replayed to it.
    partner = await _send(system, key, {"id": activity, "tags": ["a"]}, as_="partner-geo")
    assert partner["errors"][0]["extensions"]["code"] == "FORBIDDEN", partner
    # A user error is kept as the first outcome, too.
    unknown = str(uuid.uuid4())
    missing = await _send(system, key + "-2", {"id": unknown, "tags": ["a"]})
    assert await _send(system, key + "-2", {"id": unknown, "tags": ["a"]}) == missing
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_key_sent_straight_to_the_subgraph_is_kept_there_too(system: System) -> None:
    activity = publish_activity(system)["id"]
    before, _ = _versions(system, activity)
    key, variables = str(uuid.uuid4()), {"id": activity, "tags": ["direct"]}
    first = await _send(system, key, variables, direct=True)
    assert first == await _send(system, key, variables, direct=True)
    assert first["data"]["updateActivity"]["version"] == before + 1 == _versions(system, activity)[0]


async def test_a_key_goes_with_one_mutation_field_and_means_nothing_on_a_query(system: System) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            f"{system.gateway}/graphql",
            json={"query": "{ areasOfCooperation { code } }"},
            headers={**system.headers(), "idempotency-key": "k-1"},
        )
    assert "errors" not in response.json() and response.json()["data"]["areasOfCooperation"]
    two = "mutation($a: ID!, $b: ID!) { a: publishActivity(id: $a) { id } b: publishActivity(id: $b) { id } }"
    variables = {"a": str(uuid.uuid4()), "b": str(uuid.uuid4())}
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(
            f"{system.gateway}/graphql",
            json={"query": two, "variables": variables},
            headers={**system.headers(), "idempotency-key": "k-2"},
        )
    [error] = response.json()["errors"]
    assert error["extensions"]["field"] == "Idempotency-Key" and "exactly one mutation field" in error["message"]
