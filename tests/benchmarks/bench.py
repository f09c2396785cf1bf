"""`make bench`: the read path and the event path measured against a running `make run` stack.

    make bench [BENCH_ARGS="--seconds 10 --only list,gateway"]

Load comes from wrk (a C program: it does not compete with Python for the interpreter, only for
the two cores), one uvicorn worker per service as in production. Each case prints its req/s, p50
and p99 and, where the issue set one, its ratio and goal:
- list: the menu subgraph's `activities(first: 91..100)` with 7 fields, signed in and scoped, over
  the hand-written endpoint (tests/benchmarks/baseline.py: asyncpg + orjson, same rows, same bytes),
  started here for the run; wrk -t1 -c10;
- gateway: one client, the same query through the gateway and direct: the gateway's added p50, and
  its CPU time per request;
- dashboard: a partner's dashboard across the three subgraphs through the gateway, 8 clients, p95;
- lag: activities changed through the API at a steady rate; how long until programmes' read model
  holds each change (p50, p99), per rate;
- outbox: the relay draining 20,000 events from a scratch database's outbox, against a raw aiokafka
  producer sending the same 20,000 with the same settings, to the same broker;
- scale (`--seed-scale 100000`): `activities(search: "cyber", first: 20)` on the menu's database
  and on a scratch copy grown to that many activities (database `menu_scale`, its own menu
  process for the run), p99 at scale over p99 as seeded; the `totalCount` variant separately.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import httpx
import psutil

from shared.devstack.identity import dev_token
from shared.devstack.processes import free_port, wait_for_port
from shared.settings import DEV_GATEWAY_SECRET, DEV_ISSUER

HERE = Path(__file__).parent
GATEWAY = "http://127.0.0.1:4000/graphql"
MENU = "http://127.0.0.1:8001/graphql"
DATABASE = "postgresql://postgres@127.0.0.1:55432/{}"
LIST = (
    "query($first: Int){ activities(first: $first) { edges { node { id pcmRef title kind status level languages } } } }"
)
DASHBOARD = """query($iso: ID!) { partner(iso: $iso) { name
  eligibleActivities(first: 20) { totalCount edges { node { pcmRef title area { name } } } }
  capacityRequests(first: 20) { edges { node { id } } } } }"""
PARTNERS = "GEO JOR UKR MDA TUN QAT JPN AUS SRB MAR IRQ CHE"


def body(query: str, variables: str) -> str:
    return json.dumps({"query": query}).rstrip("}") + f', "variables": {variables}}}'


def wrk(
    url: str,
    seconds: float,
    connections: int,
    request_body: str = "",
    token: str = "",
    secret: str = "",
    isos: str = PARTNERS,
) -> dict[str, float]:
    env = {**os.environ, "BENCH_BODY": request_body, "BENCH_TOKEN": token, "BENCH_SECRET": secret, "BENCH_ISOS": isos}
    command = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "-s", str(HERE / "wrk.lua"), url]
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    result["rate"] = result["requests"] / result["seconds"]
    if result["errors"] or result["non2xx"]:
        raise SystemExit(f"{url}: {result['errors']} socket errors, {result['non2xx']} non-2xx answers")
    return result


def line(name: str, measured: dict[str, float], extra: str = "") -> None:
    print(
        f"  {name:<34} {measured['rate']:>8,.0f} req/s   p50 {measured['p50']:>7.2f} ms   "
        f"p95 {measured['p95']:>7.2f} ms   p99 {measured['p99']:>7.2f} ms  {extra}"
    )


@contextmanager
def baseline() -> Iterator[str]:
    """The hand-written endpoint, in its own process group, stopped after the run."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(HERE / "baseline.py"), str(port), DATABASE.format("menu")], start_new_session=True
    )
    try:
        wait_for_port(port, process, 20, "the hand-written baseline")
        yield f"http://127.0.0.1:{port}/activities"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)


def same_bytes(baseline_url: str, token: str) -> None:
    """The baseline must answer what the subgraph answers, byte for byte, or the ratio means nothing."""
    ours = httpx.post(
        MENU,
        json={"query": LIST, "variables": {"first": 100}},
        headers={"authorization": f"Bearer {token}", "x-hub-gateway-secret": DEV_GATEWAY_SECRET},
    )
    theirs = httpx.get(f"{baseline_url}?first=100")
    if ours.content != theirs.content:
        raise SystemExit(
            f"the baseline does not answer the same bytes:\n{ours.content[:300]!r}\n{theirs.content[:300]!r}"
        )


def listening(port: int) -> psutil.Process:
    for connection in psutil.net_connections(kind="tcp"):
        if connection.laddr and connection.laddr.port == port and connection.status == psutil.CONN_LISTEN:
            return psutil.Process(connection.pid)
    raise SystemExit(f"nothing listens on port {port}: is `make run` up?")


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def case_list(seconds: float, token: str) -> None:
    print("list: activities(first: 91..100) x 7 fields, wrk -t1 -c10")
    with baseline() as baseline_url:
        same_bytes(baseline_url, token)
        wrk(baseline_url, 2, 10)  # warm up
        hand = wrk(baseline_url, seconds, 10)
        wrk(MENU, 2, 10, body(LIST, '{"first": @FIRST@}'), token, DEV_GATEWAY_SECRET)
        ours = wrk(MENU, seconds, 10, body(LIST, '{"first": @FIRST@}'), token, DEV_GATEWAY_SECRET)
    line("hand-written (asyncpg + orjson)", hand)
    line("menu subgraph (signed in, scoped)", ours, f"ratio {ours['rate'] / hand['rate']:.2f} (goal >= 0.33)")


def case_gateway(seconds: float, token: str) -> None:
    print("gateway: the same list, one client, through the gateway and direct")
    gateway = listening(4000)
    request = body(LIST, '{"first": @FIRST@}')
    direct = wrk(MENU, seconds, 1, request, token, DEV_GATEWAY_SECRET)
    before = cpu_seconds(gateway)
    through = wrk(GATEWAY, seconds, 1, request, token)
    cpu = (cpu_seconds(gateway) - before) / through["requests"] * 1000
    line("direct", direct)
    line(
        "through the gateway",
        through,
        f"added p50 {through['p50'] - direct['p50']:.2f} ms (goal <= 3), gateway CPU {cpu:.2f} ms/request",
    )


def case_dashboard(seconds: float, token: str) -> None:
    print("dashboard: partner + 20 eligible activities with areas + capacity requests (3 subgraphs), 8 clients")
    request = body(DASHBOARD, '{"iso": "@ISO@"}')
    wrk(GATEWAY, 2, 8, request, token)
    measured = wrk(GATEWAY, seconds, 8, request, token)
    line("through the gateway", measured, "goal p95 <= 60 ms")


async def case_lag(seconds: float, token: str, rates: list[int]) -> None:
    print("lag: activities updated through the API at a steady rate; until programmes' read model has each")
    headers = {"authorization": f"Bearer {token}"}
    programmes = await asyncpg.connect(DATABASE.format("programmes"))
    async with httpx.AsyncClient(timeout=10, headers=headers, limits=httpx.Limits(max_connections=64)) as client:
        found = await client.post(GATEWAY, json={"query": "{ activities(first: 100) { edges { node { id } } } }"})
        ids = [edge["node"]["id"] for edge in found.json()["data"]["activities"]["edges"]]
        for rate in rates:
            lags, sent = await _lag_at(client, programmes, ids, rate, seconds)
            lags.sort()
            if not lags:
                print(f"  {rate:>4}/s asked: nothing arrived")
                continue
            p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))]
            print(
                f"  {rate:>4}/s asked, {sent / seconds:>6.0f}/s committed: lag p50 "
                f"{statistics.median(lags):6.1f} ms, p99 {p99:6.1f} ms (goal <= 100), {len(lags)} of {sent} seen"
            )
    await programmes.close()


async def _lag_at(
    client: httpx.AsyncClient, programmes: asyncpg.Connection, ids: list[str], rate: int, seconds: float
) -> tuple[list[float], int]:
    waiting: dict[uuid.UUID, tuple[int, float]] = {}  # activity -> (version, answered at)
    lags: list[float] = []
    mutation = "mutation($id: ID!, $i: ActivityChanges!) { updateActivity(id: $id, input: $i) { id version } }"

    committed = 0

    async def change(n: int) -> None:
        nonlocal committed
        activity = ids[n % len(ids)]
        if uuid.UUID(activity) in waiting:
            return  # its last change is still on its way: a second would blur the measure
        answer = (
            await client.post(
                GATEWAY, json={"query": mutation, "variables": {"id": activity, "i": {"tags": [f"bench-{n}"]}}}
            )
        ).json()
        changed = answer["data"]["updateActivity"]
        waiting[uuid.UUID(changed["id"])] = (changed["version"], time.perf_counter())
        committed += 1

    async def watch(until: float) -> None:
        while time.perf_counter() < until or waiting:
            if waiting:
                rows = await programmes.fetch(
                    "SELECT id, version FROM known_activity WHERE id = ANY($1)", list(waiting)
                )
                now = time.perf_counter()
                for row in rows:
                    version, answered = waiting.get(row["id"], (None, 0.0))
                    if version is not None and row["version"] >= version:
                        lags.append((now - answered) * 1000)
                        del waiting[row["id"]]
            if time.perf_counter() > until + 10:
                break
            await asyncio.sleep(0.002)

    started = time.perf_counter()
    watcher = asyncio.create_task(watch(started + seconds))
    tasks = []
    n = 0
    while (elapsed := time.perf_counter() - started) < seconds:
        while n < elapsed * rate:
            tasks.append(asyncio.create_task(change(n)))
            n += 1
        await asyncio.sleep(0.001)
    await asyncio.gather(*tasks)
    await watcher
    return lags, committed


SEARCH = 'query($first: Int){ activities(search: "cyber", first: $first) { edges { node { id pcmRef title } } } }'
SEARCH_COUNT = (
    'query($first: Int){ activities(search: "cyber", first: $first) { totalCount edges { node { id pcmRef title } } } }'
)
COPIED = (
    "pcm_ref",
    "title",
    "description",
    "area_code",
    "kind",
    "provider_kind",
    "provider_name",
    "level",
    "languages",
    "fee_eur",
    "contact_name",
    "contact_email",
    "frameworks",
    "eligible_partners",
    "tags",
    "status",
    "withdrawal_reason",
    "next_start_date",
    "id",
    "created_at",
    "updated_at",
    "version",
)


async def scratch_database(name: str) -> str:
    """An empty database of that name beside the stack's, at the menu's latest migration."""
    from menu.app import SERVICE
    from shared.migrations import upgrade

    admin = await asyncpg.connect(DATABASE.format("postgres"))
    await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    await admin.execute(f"CREATE DATABASE {name}")
    await admin.close()
    url = DATABASE.format(name)
    await asyncio.to_thread(upgrade, SERVICE.migrations, url.replace("postgresql://", "postgresql+asyncpg://"))
    return url


async def grow_scratch_menu(activities: int) -> str:
    """A scratch menu database holding `activities` activities: the seeded ones, copied with new
    references and numbered titles until there are enough (search and sort see realistic text)."""
    url = await scratch_database("menu_scale")
    source = await asyncpg.connect(DATABASE.format("menu"))
    seeded = await source.fetch(f"SELECT {', '.join(COPIED)} FROM activity")
    await source.close()
    rows = []
    for n in range(activities):
        row = list(seeded[n % len(seeded)])
        copy = n // len(seeded)
        if copy:
            row[0] = f"S{copy}.{n}"
            row[1] = f"{row[1]} ({copy})"
            row[COPIED.index("id")] = uuid.uuid4()
        rows.append(tuple(row))
    target = await asyncpg.connect(url)
    await target.copy_records_to_table("activity", records=rows, columns=COPIED)
    await target.execute("ANALYZE activity")
    await target.close()
    return url


@contextmanager
def scratch_menu(database_url: str) -> Iterator[str]:
    """A menu process on the scratch database, its topics apart from the stack's, stopped after the run."""
    from shared.devstack.services import SERVICES

    spec, port = SERVICES[0], free_port()
    env = spec.env(
        database_url.replace("postgresql://", "postgresql+asyncpg://"),
        "127.0.0.1:9092",
        port,
        topic_prefix="bench-scale.",
    )
    subprocess.run(
        [sys.executable, "-m", "shared.events.topics", "--prefix", "bench-scale."],
        env=env,
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [*spec.command("serve")], env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port, process, 60, "the scratch menu")
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(20)


def case_scale(seconds: float, token: str, activities: int) -> None:
    print(f'scale: activities(search: "cyber", first: 20), 4 clients, as seeded and at {activities:,} activities')
    url = asyncio.run(grow_scratch_menu(activities))
    with scratch_menu(url) as scaled:
        for name, query in (("without totalCount", SEARCH), ("with totalCount", SEARCH_COUNT)):
            request = body(query, '{"first": 20}')
            results = {}
            for where, endpoint in (("as seeded", MENU), (f"{activities:,}", scaled)):
                wrk(endpoint, 2, 4, request, token, DEV_GATEWAY_SECRET)
                results[where] = wrk(endpoint, seconds, 4, request, token, DEV_GATEWAY_SECRET)
                line(f"{name}, {where}", results[where])
            seeded, grown = results.values()
            goal = " (goal <= 2)" if query is SEARCH else ""
            print(f"  {name}: p99 at scale / as seeded = {grown['p99'] / seeded['p99']:.2f}{goal}")


async def case_outbox(events: int) -> None:
    print(f"outbox: the relay draining {events:,} events, and a raw producer sending the same")
    from menu.app import SERVICE
    from shared.events.kafka import create_producer, ensure_topics
    from shared.events.relay import OutboxRelay, _envelope

    url = await scratch_database("outbox_bench")
    source = await asyncpg.connect(DATABASE.format("menu"))
    seeded = await source.fetch(
        "SELECT topic, key, type, source, subject, time, data, actor, traceparent FROM outbox ORDER BY seq LIMIT 2000"
    )
    await source.close()
    columns = ("event_id", "topic", "key", "type", "source", "subject", "time", "data", "actor", "traceparent")
    rows = [(uuid.uuid4(), *seeded[n % len(seeded)]) for n in range(events)]
    database = await asyncpg.connect(url)
    await database.copy_records_to_table("outbox", records=rows, columns=columns)
    settings = SERVICE.settings(
        kafka_bootstrap_servers="127.0.0.1:9092", topic_prefix="bench-outbox.", service_name="bench"
    )
    topics = sorted({settings.topic(row["topic"]) for row in seeded})
    await ensure_topics(settings, topics)

    relay = OutboxRelay(settings, url, "bench")
    started = time.perf_counter()
    while await relay.publish_pending(database):
        pass
    relayed = time.perf_counter() - started
    await relay.close()
    envelopes = [
        _envelope(row, row["traceparent"], relay.epoch)
        for row in await database.fetch(
            "SELECT seq, event_id, topic, key, type, source, subject, time, data, actor, traceparent FROM outbox"
        )
    ]
    await database.close()

    producer = create_producer(settings)
    await producer.start()
    started = time.perf_counter()
    futures = [
        await producer.send(settings.topic(e.topic), e.value(), key=e.key.encode(), headers=e.headers())
        for e in envelopes
    ]
    await asyncio.gather(*futures)
    raw = time.perf_counter() - started
    await producer.stop()
    print(
        f"  relay {events / relayed:>8,.0f} events/s ({relayed:.2f} s)   raw producer {events / raw:>8,.0f} events/s "
        f"({raw:.2f} s)   ratio {raw / relayed:.2f} (goal >= 0.5)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--only", default="list,gateway,dashboard,lag,outbox")
    parser.add_argument("--rates", default="50,100,200", help="changes per second for the lag case")
    parser.add_argument(
        "--seed-scale",
        type=int,
        default=0,
        metavar="N",
        help="also run the scale case on a scratch menu grown to N activities",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("make bench needs wrk: install it from your system's packages (apt install wrk)")
    listening(4000), listening(8001)
    token = dev_token(DEV_ISSUER, "staff").access_token
    tracing = httpx.get("http://127.0.0.1:8001/status", timeout=5).json().get("tracing")
    print(
        f"tracing {'on' if tracing else 'off'} (to measure it on: start a collector, e.g. "
        "`.venv/bin/python -m shared.devstack traces --quiet`, then "
        "`OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318 make run`)"
    )
    cases = args.only.split(",")
    if "list" in cases:
        case_list(args.seconds, token)
    if "gateway" in cases:
        case_gateway(args.seconds, token)
    if "dashboard" in cases:
        case_dashboard(args.seconds, token)
    if "lag" in cases:
        asyncio.run(case_lag(args.seconds, token, [int(r) for r in args.rates.split(",")]))
    if "outbox" in cases:
        asyncio.run(case_outbox(20_000))
    if args.seed_scale:
        case_scale(args.seconds, token, args.seed_scale)


if __name__ == "__main__":
    main()
