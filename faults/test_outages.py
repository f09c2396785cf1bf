"""Honest outcomes during outages: a database stopped, a subgraph killed. What a client is told names the code
(SERVICE_UNAVAILABLE, retryable, and the service), within moments, through the gateway and direct."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest

from shared.devstack.broker import EmbeddedBroker
from shared.devstack.identity import IdentityProvider
from shared.devstack.postgres import EmbeddedPostgres
from shared.settings import DEV_GATEWAY_SECRET
from shared.testing.system import System, running_system

from .conftest import report

UPDATE = "mutation($id: ID!, $tags: [String!]) { updateActivity(id: $id, input: {tags: $tags}) { version } }"


@pytest.fixture(scope="module")
def outage_system(
    postgres: EmbeddedPostgres,
    broker: EmbeddedBroker,
    identity: IdentityProvider,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[System]:
    with running_system(postgres, broker, identity, Path(tmp_path_factory.mktemp("outages")), "outages") as system:
        yield system


async def _post(
    url: str, query: str, variables: dict[str, Any], token: str, direct: bool = False
) -> tuple[float, int, dict[str, Any]]:
    headers = {"authorization": f"Bearer {token}", **({"x-hub-gateway-secret": DEV_GATEWAY_SECRET} if direct else {})}
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=30) as client:
        response = await client.post(f"{url}/graphql", json={"query": query, "variables": variables}, headers=headers)
    return time.monotonic() - started, response.status_code, response.json()


def _activity(system: System) -> str:
    created = system.graphql(
        "mutation($i: ActivityInput!) { createActivity(input: $i) { id } }",
        {
            "i": {
                "pcmRef": f"GCSP.{uuid.uuid4().int % 1_000_000}",
                "title": "Outage drill",
                "description": "Outages",
                "areaCode": "CEP",
                "kind": "COURSE",
                "providerKind": "PTEC",
                "providerName": "Geneva Centre for Security Policy",
                "frameworks": ["PFP"],
            }
        },
    )
    return str(created["data"]["createActivity"]["id"])


def _signal_database(postgres: EmbeddedPostgres, sig: signal.Signals) -> None:
    """The postmaster and every process it started (each backend is a session of its own, so no process group
    holds them all)."""
    assert postgres.process is not None
    postmaster = psutil.Process(postgres.process.pid)
    for process in [postmaster, *postmaster.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.send_signal(sig)


def _unavailable(answer: dict[str, Any], service: str) -> None:
    [error] = answer["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE", answer
    assert error["extensions"]["retryable"] is True and error["extensions"]["service"] == service, answer


async def test_a_stopped_database_is_service_unavailable_within_moments_and_the_change_succeeds_after(
    outage_system: System, postgres: EmbeddedPostgres
) -> None:
    system, token = outage_system, outage_system.token("staff")
    activity = _activity(system)
    menu = system.services["menu"]
    _signal_database(postgres, signal.SIGSTOP)
    try:
        # Sent as the database stops: it waits on a statement that never returns, until the service notices.
        waited, _, through_gateway = await _post(system.gateway, UPDATE, {"id": activity, "tags": ["a"]}, token)
        _unavailable(through_gateway, "menu")
        refused, status, direct = await _post(menu, UPDATE, {"id": activity, "tags": ["b"]}, token, direct=True)
        _unavailable(direct, "menu")
        assert status == 503
        started = time.monotonic()
        async with httpx.AsyncClient(timeout=5) as client:
            ready = await client.get(f"{menu}/readyz")
        probed = time.monotonic() - started
        assert ready.status_code == 503 and probed < 0.8
    finally:
        _signal_database(postgres, signal.SIGCONT)
    assert waited < 3 and refused < 3, (waited, refused)
    deadline = time.monotonic() + 20
    while True:  # the same change, once the service sees its database again
        _, _, again = await _post(system.gateway, UPDATE, {"id": activity, "tags": ["a"]}, token)
        if "errors" not in again:
            break
        _unavailable(again, "menu")
        assert time.monotonic() < deadline, again
        await asyncio.sleep(0.5)
    assert again["data"]["updateActivity"]["version"] == 2  # the refused ones changed nothing
    report(
        "database stopped",
        in_flight_answered_in=f"{waited:.2f}s",
        next_refused_in=f"{refused:.2f}s",
        readyz_in=f"{probed:.3f}s",
        version_after=again["data"]["updateActivity"]["version"],
    )


async def test_a_killed_subgraph_is_service_unavailable_naming_it_through_the_gateway(outage_system: System) -> None:
    system, token = outage_system, outage_system.token("staff")
    process = system.processes["capacity"]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)
    took, _, alone = await _post(system.gateway, "{ capacityRequests(first: 1) { totalCount } }", {}, token)
    _unavailable(alone, "capacity")
    # The other subgraphs' part of an operation is answered; the missing part is null with the error.
    _, _, mixed = await _post(
        system.gateway,
        f'{{ activities(first: 1) {{ totalCount }} capacityRequest(id: "{uuid.uuid4()}") {{ id }} }}',
        {},
        token,
    )
    _unavailable(mixed, "capacity")
    assert mixed["data"]["activities"]["totalCount"] >= 0 and mixed["data"]["capacityRequest"] is None
    report("capacity killed", answered_in=f"{took:.2f}s", code=alone["errors"][0]["extensions"]["code"])
