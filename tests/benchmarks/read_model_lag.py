"""How long after a menu mutation answers do programmes and capacity know of it? Against a running `make run`.

Each round creates and publishes an activity through the gateway, then polls each read model's own table
(`known_activity`, in that service's database) every 2 ms until it holds the published version. The
lag is from the publish mutation's answer to the row being there: what a client that plans the
activity right after publishing it can meet.

    .venv/bin/python tests/benchmarks/read_model_lag.py [rounds]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
import uuid

import asyncpg
import httpx

GATEWAY = "http://127.0.0.1:4000/graphql"
DATABASE = "postgresql://postgres@127.0.0.1:55432/{}"
READ_MODELS = ("programmes", "capacity")


async def lag_of(connection: asyncpg.Connection, activity_id: uuid.UUID, version: int, since: float) -> float:
    while await connection.fetchval("SELECT version FROM known_activity WHERE id = $1", activity_id) != version:
        await asyncio.sleep(0.002)
    return time.perf_counter() - since


async def main(rounds: int) -> None:
    connections = {name: await asyncpg.connect(DATABASE.format(name)) for name in READ_MODELS}
    lags: dict[str, list[float]] = {name: [] for name in READ_MODELS}
    async with httpx.AsyncClient(timeout=10) as client:
        for n in range(rounds):
            created = (await client.post(GATEWAY, json={
                "query": "mutation($i: ActivityInput!) { createActivity(input: $i) { id } }",
                "variables": {"i": {"pcmRef": f"LAG.{uuid.uuid4().int % 999_999}", "title": f"Lag probe {n}",
                                    "description": "Measures how fast read models follow", "areaCode": "CEP",
                                    "kind": "COURSE", "providerKind": "PTEC", "providerName": "Lag probe",
                                    "frameworks": ["PFP"]}}})).json()
            activity_id = created["data"]["createActivity"]["id"]
            published = (await client.post(GATEWAY, json={
                "query": "mutation($id: ID!) { publishActivity(id: $id) { version } }",
                "variables": {"id": activity_id}})).json()["data"]["publishActivity"]
            answered = time.perf_counter()
            found = await asyncio.gather(*(lag_of(connections[name], uuid.UUID(activity_id), published["version"],
                                                  answered) for name in READ_MODELS))
            for name, lag in zip(READ_MODELS, found, strict=True):
                lags[name].append(lag * 1000)
            await asyncio.sleep(0.05)
    for name, values in lags.items():
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"{name:>10}: {len(values)} publications, lag p50 {statistics.median(values):.0f} ms, "
              f"p99 {p99:.0f} ms, max {values[-1]:.0f} ms")
    for connection in connections.values():
        await connection.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
