"""Demand control at the gateway (gateway/cost.ts): every list of the subgraphs declares its size, each operation's
cost is estimated on the supergraph before any subgraph is called, and one over the ceiling is refused with a
code and its estimate; the screens frontends ship stay accepted."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx

from .conftest import System

OPERATIONS = Path(__file__).parent / "operations"
MAX_COST = 10_000
NESTED = (
    "a{n}: activities(first: 100) { edges { node { id title provider { activities(first: 100) { edges { node { "
    "id title occurrences(first: 100) { edges { node { id startDate } } } } } } } } } }"
)


def _post(system: System, query: str, variables: dict[str, Any] | None = None, as_: str = "partner-geo") -> Any:
    return httpx.post(
        f"{system.gateway}/graphql", json={"query": query, "variables": variables or {}}, headers=system.headers(as_)
    )


def _graphql_requests(system: System, service: str) -> float:
    metrics = httpx.get(f"{system.services[service]}/metrics").text
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in metrics.splitlines()
        if line.startswith("http_requests_total{") and 'path="/graphql"' in line
    )


def test_a_fan_out_of_nested_lists_is_refused_with_its_estimate_before_any_subgraph_is_called(system: System) -> None:
    query = "{ " + " ".join(NESTED.replace("{n}", str(n)) for n in range(35)) + " }"
    before = _graphql_requests(system, "menu")
    _post(system, query)  # the first one pays for the gateway's warm-up (parsing and validating a new shape)
    took = []
    for _ in range(5):
        started = time.perf_counter()
        response = _post(system, query)
        took.append(time.perf_counter() - started)
    errors = response.json()["errors"]
    assert [error["extensions"]["code"] for error in errors] == ["OPERATION_LIMIT_EXCEEDED"], errors
    cost = errors[0]["extensions"]["cost"]
    assert cost["max"] == MAX_COST and cost["estimated"] > MAX_COST and str(cost["estimated"]) in errors[0]["message"]
    median = sorted(took)[len(took) // 2]
    assert median < 0.1, f"refused in {median * 1000:.0f} ms (median of 5, with the round trip)"
    assert _graphql_requests(system, "menu") == before, "a subgraph was called"
    one = _post(system, "{ " + NESTED.replace("{n}", "0") + " }").json()  # one of them alone is over the ceiling too
    assert one["errors"][0]["extensions"]["code"] == "OPERATION_LIMIT_EXCEEDED"


def test_the_dashboard_and_the_catalogue_stay_accepted_and_carry_their_estimate(system: System) -> None:
    for name, variables, as_ in (
        ("partner-dashboard.graphql", {"iso": "GEO"}, "partner-geo"),
        ("catalogue-page.graphql", {"search": None, "first": 50}, "partner-geo"),
        ("catalogue-page.graphql", {"first": 100}, "staff"),
    ):
        answer = _post(system, (OPERATIONS / name).read_text(), variables, as_).json()
        assert "errors" not in answer, (name, answer)
        cost = answer["extensions"]["cost"]
        assert 0 < cost["estimated"] <= cost["max"] == MAX_COST, (name, cost)


def test_a_mutation_costs_more_than_the_same_selection_read(system: System) -> None:
    read = _post(system, "{ areasOfCooperation { code } }", as_="staff").json()["extensions"]["cost"]["estimated"]
    changed = _post(
        system,
        'mutation { withdrawActivity(id: "00000000-0000-0000-0000-000000000000", reason: "x") { id } }',
        as_="staff",
    ).json()
    assert changed["extensions"]["cost"]["estimated"] == 10 + 1, changed
    assert read == 20, read  # the areas are a list of 20 assumed items, each an object
