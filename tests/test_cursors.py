"""Tampered cursors, through the gateway and straight to each subgraph: always BAD_USER_INPUT naming `after`, never
an internal error."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from shared.settings import DEV_GATEWAY_SECRET

from .conftest import System
from .test_gateway import publish_activity, submit

# Lists of each service, with the list name their cursors carry (None: read it from a real first page, for the
# lists whose name includes their order).
LISTS: dict[str, list[tuple[str, str | None]]] = {
    "menu": [
        ("{ activities(first: 2, after: $after) { totalCount } }", None),
        ("{ providers(first: 2, after: $after) { totalCount } }", None),
        ("{ exercises(first: 2, after: $after) { totalCount } }", "exercises"),
    ],
    "programmes": [
        ("{ operationalContributions(first: 2, after: $after) { totalCount } }", "operationalContributions"),
        ("{ platformMeetings(first: 2, after: $after) { totalCount } }", "platformMeetings"),
    ],
    "capacity": [
        ("{ capacityRequests(first: 2, after: $after) { totalCount } }", None),
        ("{ trustFundProjects(first: 2, after: $after) { totalCount } }", "trustFundProjects"),
        ("{ assistanceRequests(first: 2, after: $after) { totalCount } }", "assistanceRequests"),
    ],
}


def _cursor(values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


UUID = "5d1c0000-0000-0000-0000-000000000000"


def _tampered(list_name: str) -> list[str]:
    uuid = UUID
    shapes: list[Any] = [{"a": 1}, [1], None, 2**80, 1e308, True]  # none a sort value of these lists
    cursors = [_cursor([list_name, value, uuid]) for value in shapes]
    cursors += [_cursor([list_name, "x", value]) for value in (None, 5, {"id": 1}, "not-a-uuid")]
    cursors += [
        "bm90IGpzb24",
        _cursor([list_name]),
        _cursor({"list": list_name}),
        _cursor("x"),
        "%%%",
        base64.urlsafe_b64encode(f'["{list_name}", NaN, "{uuid}"]'.encode()).decode(),
        _cursor([list_name, "x", uuid])[:-3],
    ]
    return cursors


def _name(query: str, url: str, headers: dict[str, str]) -> str:
    """The list name a list's cursors carry, read from a real first page."""
    page = query.replace("{ totalCount }", "{ pageInfo { endCursor } }").replace(", after: $after", "")
    answer = httpx.post(url, json={"query": page}, headers=headers, timeout=30).json()
    cursor = next(iter(answer["data"].values()))["pageInfo"]["endCursor"]
    assert cursor is not None, (query, answer)  # the test made one
    return str(json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))[0])


@pytest.mark.parametrize("service", list(LISTS))
def test_tampered_cursors_are_bad_input_through_the_gateway_and_direct(system: System, service: str) -> None:
    publish_activity(system)
    submit(system, "GEO")
    log = system.logs / f"{service}.log"
    tracebacks = log.read_text().count("Traceback")
    for via, url, headers in (
        ("gateway", f"{system.gateway}/graphql", system.headers()),
        (
            "direct",
            f"{system.services[service]}/graphql",
            {**system.headers(), "x-hub-gateway-secret": DEV_GATEWAY_SECRET},
        ),
    ):
        names = {shape: known or _name(shape, url, headers) for shape, known in LISTS[service]}
        for shape, list_name in names.items():
            query = f"query($after: String) {shape}"
            # Another list's well-formed cursor is not this list's either.
            others = [_cursor([name, "x", UUID]) for name in set(names.values()) - {list_name}]
            for cursor in _tampered(list_name) + others:
                answer = httpx.post(
                    url, json={"query": query, "variables": {"after": cursor}}, headers=headers, timeout=30
                ).json()
                codes = [(e["extensions"]["code"], e["extensions"].get("field")) for e in answer.get("errors", [])]
                assert codes == [("BAD_USER_INPUT", "after")], (via, shape, cursor, answer)
    assert log.read_text().count("Traceback") == tracebacks, f"{service} logged a traceback"
