"""Delivery under faults: the menu and programmes as processes, on a broker of each test's own that the test
pauses or kills (`make run`'s supervisor starts it again), while a steady load of changes runs
(`make test-faults`)."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from shared.devstack.broker import EmbeddedBroker
from shared.devstack.identity import IdentityProvider, dev_token
from shared.devstack.postgres import EmbeddedPostgres
from shared.devstack.processes import free_port, spawn, stop, wait_for_port
from shared.devstack.services import SERVICES
from shared.devstack.supervisor import Supervisor
from shared.settings import DEV_GATEWAY_SECRET

SPECS = {spec.name: spec for spec in SERVICES}
ACTIVITY_TOPIC = "menu.activity.v1"


@dataclass
class Service:
    name: str
    env: dict[str, str]
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = spawn(SPECS[self.name].command("serve"), log=self.log, env=self.env)
        wait_for_port(self.port, self.process, 60, self.name)

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)
        stop(self.process)  # forgets it
        self.process = None

    def command(self, *args: str) -> None:
        subprocess.run(SPECS[self.name].command(*args), env=self.env, check=True, capture_output=True, timeout=120)


@dataclass
class Stack:
    """menu and programmes (whose read model of the menu the tests watch), their databases and a broker, which
    `make run`'s supervisor starts with its topics (and starts again when a test's `supervise` runs)."""

    broker: EmbeddedBroker
    supervisor: Supervisor
    postgres: EmbeddedPostgres
    prefix: str
    token: str
    menu: Service
    programmes: Service
    databases: dict[str, str] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)

    @property
    def topic(self) -> str:
        return self.prefix + ACTIVITY_TOPIC

    async def supervise(self, seconds: float) -> None:
        """What `make run` does meanwhile: a child that died (the broker) is started again."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            await asyncio.to_thread(self.supervisor.check)  # a broker's start blocks for a moment
            await asyncio.sleep(0.5)

    async def graphql(self, client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = await client.post(
            f"http://127.0.0.1:{self.menu.port}/graphql",
            json={"query": query, "variables": variables},
            headers={"authorization": f"Bearer {self.token}", "x-hub-gateway-secret": DEV_GATEWAY_SECRET},
        )
        body: dict[str, Any] = response.json()
        assert not body.get("errors"), body
        return body["data"]  # type: ignore[no-any-return]

    async def rows(self, service: str, query: str, *args: Any) -> list[asyncpg.Record]:
        connection = await asyncpg.connect(self.databases[service].replace("postgresql+asyncpg", "postgresql"))
        try:
            return list(await connection.fetch(query, *args))
        finally:
            await connection.close()


def make_topics(prefix: str, broker: EmbeddedBroker) -> None:
    subprocess.run(
        [sys.executable, "-m", "shared.events.topics", "--prefix", prefix],
        check=True,
        capture_output=True,
        timeout=60,
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers},
    )


@pytest.fixture
async def stack(
    postgres: EmbeddedPostgres, identity: IdentityProvider, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    work = Path(tmp_path_factory.mktemp("faults"))
    name = f"f{uuid.uuid4().hex[:6]}"
    broker = EmbeddedBroker(free_port(), log=work / "broker.log")
    said: list[str] = []
    supervisor = Supervisor(said.append)
    supervisor.start("broker", broker.starter(lambda: make_topics(f"{name}.", broker)), work / "broker.log")
    services: dict[str, Service] = {}
    databases: dict[str, str] = {}
    try:
        for service in ("menu", "programmes"):
            databases[service] = f"{service}_{name}"
            postgres.create_databases([databases[service]])
            port = free_port()
            env = SPECS[service].env(
                postgres.url(databases[service]),
                broker.bootstrap_servers,
                port=port,
                topic_prefix=f"{name}.",
                outbox_sweep_seconds="0.5",
            )
            # Faults are noticed in seconds here, not the minute production allows.
            env.update(OIDC_ISSUER_URL=identity.issuer, CONSUMER_STALL_SECONDS="10")
            services[service] = Service(service, env, port, work / f"{service}.log")
        stack = Stack(
            broker,
            supervisor,
            postgres,
            f"{name}.",
            dev_token(identity.issuer, "staff").access_token,
            services["menu"],
            services["programmes"],
            {service: postgres.url(database) for service, database in databases.items()},
            said,
        )
        for prepared in services.values():
            prepared.command("migrate")
        stack.programmes.command("seed", "partners")
        stack.menu.command("seed", "providers")
        stack.menu.start()
        stack.programmes.start()
        yield stack
    finally:
        for started in services.values():
            if started.process is not None:
                stop(started.process)
        supervisor.stop_all()


_refs = itertools.count(1)
ACTIVITY = """mutation($i: ActivityInput!) { createActivity(input: $i) { id } }"""
PUBLISH = "mutation($id: ID!) { publishActivity(id: $id) { id } }"
UPDATE = "mutation($id: ID!, $tags: [String!]) { updateActivity(id: $id, input: {tags: $tags}) { version } }"


async def create_activities(stack: Stack, count: int) -> list[str]:
    ids = []
    async with httpx.AsyncClient(timeout=30) as client:
        for n in range(count):
            created = await stack.graphql(
                client,
                ACTIVITY,
                {
                    "i": {
                        "pcmRef": f"PDD.{next(_refs)}",
                        "title": f"Fault drill {n}",
                        "description": "Delivery under faults",
                        "areaCode": "CEP",
                        "kind": "COURSE",
                        "level": "BASIC",
                        "languages": ["en"],
                        "frameworks": ["PFP"],
                        "eligiblePartners": [],
                        "tags": [],
                    }
                },
            )
            ids.append(created["createActivity"]["id"])
            await stack.graphql(client, PUBLISH, {"id": ids[-1]})
    return ids


@dataclass
class Load:
    sent: int = 0
    succeeded: int = 0
    failed: int = 0


async def steady_load(stack: Stack, ids: list[str], total: int = 300, per_second: float = 20.0) -> Load:
    """`total` changes at a steady rate, round the activities; a change that fails (its service is down) is
    counted, not retried: what committed is read from the database afterwards."""
    load = Load()
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=15) as client:

        async def one(n: int) -> None:
            try:
                await stack.graphql(client, UPDATE, {"id": ids[n % len(ids)], "tags": [f"round-{n}"]})
                load.succeeded += 1
            except (httpx.HTTPError, AssertionError, ValueError):
                load.failed += 1

        tasks = []
        for n in range(total):
            await asyncio.sleep(max(0.0, started + n / per_second - time.monotonic()))
            load.sent += 1
            tasks.append(asyncio.create_task(one(n)))
        await asyncio.gather(*tasks)
    return load


LAST_OFFSETS: dict[int, int] = {}


async def topic_versions(stack: Stack, ids: list[str]) -> tuple[dict[str, set[int]], int]:
    """Each activity's versions on the topic, and how many records were read in all (duplicates included)."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    wanted, read = set(ids), 0
    found: dict[str, set[int]] = {i: set() for i in ids}
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.broker.bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    try:
        while (parts := consumer.partitions_for_topic(stack.topic)) is None:
            await consumer._client.force_metadata_update()
        partitions = [TopicPartition(stack.topic, p) for p in parts]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        idle = 0
        while idle < 6:
            batches = await consumer.getmany(timeout_ms=500)
            idle = 0 if batches else idle + 1
            for records in batches.values():
                for record in records:
                    LAST_OFFSETS[record.partition] = max(LAST_OFFSETS.get(record.partition, -1), record.offset)
                    key = (record.key or b"").decode()
                    if key in wanted:
                        found[key].add(json.loads(record.value)["version"])
                        read += 1
    finally:
        await consumer.stop()
    return found, read


async def menu_versions(stack: Stack, ids: list[str]) -> dict[str, tuple[int, int]]:
    """Each activity's version in the menu, and how many changes its history holds."""
    rows = await stack.rows(
        "menu",
        """
        SELECT a.id::text AS id, a.version, (SELECT count(*) FROM aggregate_history h
                                             WHERE h.aggregate = 'activity' AND h.aggregate_id = a.id::text) AS logged
        FROM activity a WHERE a.id::text = ANY($1)""",
        ids,
    )
    return {row["id"]: (row["version"], row["logged"]) for row in rows}


async def copy_versions(stack: Stack, ids: list[str]) -> dict[str, int]:
    rows = await stack.rows(
        "programmes", "SELECT id::text AS id, version FROM known_activity WHERE id::text = ANY($1)", ids
    )
    return {row["id"]: row["version"] for row in rows}


async def converged(stack: Stack, ids: list[str], timeout: float = 90.0) -> float:
    """Seconds until programmes' copy holds every activity's version in the menu."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        menu = await menu_versions(stack, ids)
        if await copy_versions(stack, ids) == {i: version for i, (version, _) in menu.items()}:
            return time.monotonic() - started
        await asyncio.sleep(0.5)
    menu, copy = await menu_versions(stack, ids), await copy_versions(stack, ids)
    behind = {i: (v, copy.get(i)) for i, (v, _) in menu.items() if copy.get(i) != v}
    async with httpx.AsyncClient(timeout=5) as client:
        status = {
            name: (await client.get(f"http://127.0.0.1:{service.port}/status")).json()
            for name, service in (("menu", stack.menu), ("programmes", stack.programmes))
        }
    on_topic, _ = await topic_versions(stack, list(behind))
    raise AssertionError(
        f"programmes' copy did not converge in {timeout:.0f}s: {len(behind)} behind (menu, copy, "
        f"on the topic): {[(i, v, sorted(on_topic[i])) for i, v in list(behind.items())[:5]]}; "
        f"last offsets: {LAST_OFFSETS}; status: {status}"
    )


async def applied_once(stack: Stack) -> tuple[int, int]:
    """Events programmes' consumer recorded as applied, and how many of their ids are distinct."""
    [row] = await stack.rows(
        "programmes",
        "SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM processed_event WHERE consumer = 'menu-activities'",
    )
    return row["n"], row["d"]


async def behind(stack: Stack, ids: list[str]) -> int:
    """How many of the activities programmes' copy holds at another version than the menu, now."""
    menu, copy = await menu_versions(stack, ids), await copy_versions(stack, ids)
    return sum(1 for i, (version, _) in menu.items() if copy.get(i) != version)


async def dead_letters(stack: Stack) -> int:
    """Events the two services' consumers parked, from their metrics."""
    parked = 0.0
    async with httpx.AsyncClient(timeout=5) as client:
        for service in (stack.menu, stack.programmes):
            for line in (await client.get(f"http://127.0.0.1:{service.port}/metrics")).text.splitlines():
                if line.startswith("events_consumed_total{") and 'outcome="dead_lettered"' in line:
                    parked += float(line.rsplit(" ", 1)[1])
    return int(parked)


def report(name: str, **figures: Any) -> None:
    print(f"\n[{name}] " + ", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in figures.items()))
