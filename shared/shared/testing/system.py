"""The whole system as operators run it, for tests: three service processes on real PostgreSQL and broker,
and Hive Gateway in front (tests/ uses one for the session; make test-faults starts its own to break)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from shared.devstack.broker import EmbeddedBroker
from shared.devstack.identity import IdentityProvider, dev_token
from shared.devstack.postgres import EmbeddedPostgres
from shared.devstack.processes import free_port, spawn, stop, wait_for_port
from shared.devstack.services import SERVICES, compose_supergraph, export_sdl, gateway_command, repository_root


@dataclass
class System:
    gateway: str
    services: dict[str, str]
    logs: Path
    issuer: str
    supergraph: Path
    gateway_metrics: str = ""
    tokens: dict[str, str] = field(default_factory=dict)
    # Each service's process, for a test that kills one.
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def token(self, account: str) -> str:
        """A dev account's access token, signed in through the identity provider's real flow."""
        if account not in self.tokens:
            self.tokens[account] = dev_token(self.issuer, account).access_token
        return self.tokens[account]

    def headers(self, as_: str | None = "staff") -> dict[str, str]:
        return {"authorization": f"Bearer {self.token(as_)}"} if as_ else {}

    def subscribers(self, service: str, feed: str) -> int:
        """How many subscriptions of `feed` the service serves now (its /status)."""
        return int(httpx.get(f"{self.services[service]}/status", timeout=5).json()["liveFeeds"]["subscribers"][feed])

    def wait_for_subscribers(self, service: str, feed: str, count: int, timeout: float = 20) -> None:
        """Until `service` serves at least `count` subscriptions of `feed` and tails its topics (its /status says
        so): the signal that a change made now reaches them."""
        deadline = time.monotonic() + timeout
        while True:
            live = httpx.get(f"{self.services[service]}/status", timeout=5).json()["liveFeeds"]
            if live["listening"] and live["subscribers"].get(feed, 0) >= count:
                return
            assert time.monotonic() < deadline, f"{service} never served {count} subscriptions of {feed}: {live}"
            time.sleep(0.1)

    def graphql(self, query: str, variables: dict[str, Any] | None = None, as_: str | None = "staff") -> dict[str, Any]:
        response = httpx.post(
            f"{self.gateway}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=self.headers(as_),
            timeout=30,
        )
        return response.json()


@contextmanager
def running_system(
    postgres: EmbeddedPostgres, broker: EmbeddedBroker, identity: IdentityProvider, work: Path, name: str, **env: str
) -> Iterator[System]:
    """The three services (their own databases `<service>_<name>` and topics) and a gateway; `env` for all."""
    prefix = f"{name}{uuid.uuid4().hex[:6]}."
    ports = {spec.name: free_port() for spec in SERVICES}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        subprocess.run(
            [sys.executable, "-m", "shared.events.topics", "--prefix", prefix],
            check=True,
            capture_output=True,
            env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap_servers},
        )
        for spec in SERVICES:
            database = f"{spec.name}_{name}"
            postgres.create_databases([database])
            service_env = spec.env(
                postgres.url(database),
                broker.bootstrap_servers,
                port=ports[spec.name],
                topic_prefix=prefix,
                outbox_sweep_seconds="0.5",
            )
            service_env.update(OIDC_ISSUER_URL=identity.issuer, **env)
            subprocess.run(spec.command("migrate"), env=service_env, check=True, capture_output=True)
            seeded = {"programmes": "partners", "menu": "providers"}  # registered through their use cases
            if spec.name in seeded:
                subprocess.run(
                    spec.command("seed", seeded[spec.name]), env=service_env, check=True, capture_output=True
                )
            processes.append(spawn(spec.command("serve"), log=work / f"{spec.name}.log", env=service_env))
        subgraphs = [
            (spec.name, f"http://127.0.0.1:{ports[spec.name]}/graphql", export_sdl(spec, work / "sdl"))
            for spec in SERVICES
        ]
        supergraph = compose_supergraph(subgraphs, work / "supergraph.graphql")
        for spec, process in zip(SERVICES, processes, strict=True):
            wait_for_port(ports[spec.name], process, 60, spec.name)
        metrics_port = free_port()
        with gateway_process(
            supergraph,
            work / "gateway.log",
            OIDC_ISSUER_URL=identity.issuer,
            GATEWAY_CORS_ORIGINS=FRONTEND_ORIGIN,
            GATEWAY_METRICS_PORT=str(metrics_port),
            **env,
        ) as gateway:
            yield System(
                gateway,
                {name: f"http://127.0.0.1:{port}" for name, port in ports.items()},
                work,
                identity.issuer,
                supergraph,
                gateway_metrics=f"http://127.0.0.1:{metrics_port}/metrics",
                processes={spec.name: p for spec, p in zip(SERVICES, processes, strict=True)},
            )
    finally:
        for process in reversed(processes):
            stop(process)


FRONTEND_ORIGIN = "https://hub.example.org"


@contextmanager
def gateway_process(supergraph: Path, log: Path, **env: str) -> Iterator[str]:
    """A Hive Gateway serving this supergraph, configured by these variables; yields its address."""
    port = free_port()
    env.setdefault("GATEWAY_METRICS_PORT", str(free_port()))
    env.setdefault("GATEWAY_METRICS_HOST", "127.0.0.1")
    process = spawn(
        gateway_command(supergraph, port), log=log, cwd=repository_root() / "gateway", env={**os.environ, **env}
    )
    try:
        wait_for_port(port, process, 60, "gateway")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
