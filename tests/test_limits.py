"""Operations too big to serve are refused at once, at the gateway and at each subgraph, and the system answers a
normal query right after."""

from __future__ import annotations

import time

import httpx

from .conftest import System

DEEP = (
    "{ activities(first: 1) { edges { node { "
    + "occurrences { edges { node { activity { " * 15
    + "id"
    + " } } } }" * 15
    + " } } } }"
)
ALIASES = "{ " + " ".join(f"a{n}: activities(first: 100) {{ totalCount }}" for n in range(1000)) + " }"
REPEATED = "{ " + "__typename " * 500_000 + "}"  # about 5 MB
BODY = "{ __typename } #" + "x" * 1_048_576  # 1 MB, almost all of it a comment
NORMAL = "{ activities(first: 5) { totalCount } }"


def _post(url: str, query: str, headers: dict[str, str]) -> tuple[float, int, list[str]]:
    started = time.monotonic()
    response = httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=30)
    elapsed = time.monotonic() - started
    codes = [e.get("extensions", {}).get("code", "") for e in response.json().get("errors") or []]
    return elapsed, response.status_code, codes


def test_the_gateway_and_the_subgraphs_refuse_oversized_operations_within_a_second(system: System) -> None:
    targets = {
        "gateway": (system.gateway, system.headers()),
        "menu": (system.services["menu"], {**system.headers(), "x-hub-gateway-secret": "dev-gateway-secret"}),
    }
    for where, (url, headers) in targets.items():
        for name, query in (
            ("30 levels", DEEP),
            ("1,000 aliases", ALIASES),
            ("5 MB repeated field", REPEATED),
            ("1 MB body", BODY),
        ):
            elapsed, status, codes = _post(url, query, headers)
            assert codes and set(codes) == {"OPERATION_LIMIT_EXCEEDED"}, (where, name, status, codes)
            assert elapsed < 1.0, (where, name, elapsed)
        elapsed, status, codes = _post(url, NORMAL, headers)
        assert status == 200 and codes == [] and elapsed < 1.0, (where, elapsed, codes)


def test_batched_requests_are_refused(system: System) -> None:
    response = httpx.post(
        f"{system.gateway}/graphql", json=[{"query": NORMAL}, {"query": NORMAL}], headers=system.headers()
    )
    assert response.status_code >= 400 or "errors" in response.json()
