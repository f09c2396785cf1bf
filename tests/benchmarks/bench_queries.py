"""Throughput of typical queries against a running `make run` stack (not part of `make test`).

    .venv/bin/python tests/benchmarks/bench_queries.py [--seconds 10] [--concurrency 8] [--as staff]

Variables vary between requests (search words, cursors, partners) so neither the gateway's
request deduplication nor any cache flatters the numbers. Requests carry a dev account's access token
(`--as`, staff by default; a partner's scopes what it sees to its own), and the subgraph one the
development gateway secret, as the gateway's would.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import statistics
import time

import httpx

from shared.devstack.identity import dev_token
from shared.settings import DEV_GATEWAY_SECRET, DEV_ISSUER

LIST = """query($search: String, $first: Int, $area: [String!]) {
  activities(search: $search, first: $first, filter: {areaCodes: $area}) {
    edges { node { id pcmRef title kind status level languages } } } }"""
JOINED = """query($iso: ID!) { partner(iso: $iso) { name
  eligibleActivities(first: 20) { totalCount edges { node { pcmRef title area { name } } } }
  capacityRequests(first: 20) { edges { node { id } } } } }"""
PROGRAMMES = """query($iso: ID!) { partner(iso: $iso) { programmes(first: 20) { edges { node {
  type status history { toStatus } plannedActivities { status activity { pcmRef title } } } } } } }"""
WORDS = ["", "cyber", "course", "logistics", "crisis", "security", "planning", "defence", "training", "gender"]
AREAS = [None, ["CEP"], ["CYB"], ["LOG"], ["MED"], ["PSO"], ["BI"], ["SSR"]]
PARTNERS = ["GEO", "JOR", "UKR", "MDA", "TUN", "QAT", "JPN", "AUS", "SRB", "MAR", "IRQ", "CHE"]


def list_variables(rng: random.Random) -> dict:  # type: ignore[type-arg]
    return {"search": rng.choice(WORDS) or None, "first": 100, "area": rng.choice(AREAS)}


async def run(
    url: str,
    query: str,
    make_variables,
    seconds: float,
    concurrency: int,  # type: ignore[no-untyped-def]
    headers: dict[str, str],
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(
        timeout=30, limits=httpx.Limits(max_connections=concurrency), headers=headers
    ) as client:

        async def worker(n: int) -> None:
            rng = random.Random(n)
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.post(url, json={"query": query, "variables": make_variables(rng)})
                body = response.json()
                assert "errors" not in body, body
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(concurrency)))
        elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, latencies


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--as", dest="account", default="staff", help="the dev account whose token to send")
    args = parser.parse_args()
    signed_in = {"authorization": f"Bearer {dev_token(DEV_ISSUER, args.account).access_token}"}
    through_gateway = {**signed_in, "x-hub-gateway-secret": DEV_GATEWAY_SECRET}
    partners = itertools.cycle(PARTNERS)
    cases = [
        ("menu subgraph: 100 activities x 7 fields", "http://127.0.0.1:8001/graphql", LIST, list_variables),
        ("gateway: 100 activities x 7 fields", "http://127.0.0.1:4000/graphql", LIST, list_variables),
        (
            "gateway: partner + 20 eligible activities + areas + requests (3 subgraphs)",
            "http://127.0.0.1:4000/graphql",
            JOINED,
            lambda rng: {"iso": next(partners)},
        ),
        (
            "gateway: partner's programmes + history + planned activities' menu titles",
            "http://127.0.0.1:4000/graphql",
            PROGRAMMES,
            lambda rng: {"iso": next(partners)},
        ),
    ]
    for name, url, query, variables in cases:
        headers = through_gateway if url.endswith(":8001/graphql") else signed_in
        await run(url, query, variables, 2, args.concurrency, headers)  # warm up
        rate, latencies = await run(url, query, variables, args.seconds, args.concurrency, headers)
        latencies.sort()
        print(
            f"{name}: {rate:,.0f} req/s, p50 {statistics.median(latencies) * 1000:.1f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.1f} ms"
        )


if __name__ == "__main__":
    asyncio.run(main())
