"""`make run`: the whole system on embedded defaults, stopped together on Ctrl-C or SIGTERM.

`python -m shared.devstack run` starts PostgreSQL and Tansu (unless a database URL or
KAFKA_BOOTSTRAP_SERVERS is given), migrates each service, starts the three services,
seeds what is empty stage by stage (SEED_ORDER), composes the supergraph and starts
Hive Gateway. A service, the gateway, the broker or the identity provider that crashes is
restarted (shared.devstack.supervisor); a broker with its topics.
`compose` only composes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import FrameType

from shared.devstack.broker import EmbeddedBroker
from shared.devstack.identity import IdentityProvider, dev_accounts, dev_token
from shared.devstack.postgres import EmbeddedPostgres
from shared.devstack.processes import port_open, spawn, wait_for_port
from shared.devstack.services import (
    SEED_ORDER,
    SERVICES,
    compose_supergraph,
    export_sdl,
    gateway_command,
    repository_root,
)
from shared.devstack.supervisor import Supervisor
from shared.settings import DEV_GATEWAY_SECRET

GATEWAY_PORT = int(os.environ.get("GATEWAY_PORT", "4000"))
GATEWAY_METRICS_PORT = int(os.environ.get("GATEWAY_METRICS_PORT", "9400"))
POSTGRES_PORT = int(os.environ.get("HUB_POSTGRES_PORT", "55432"))
BROKER_PORT = int(os.environ.get("HUB_BROKER_PORT", "9092"))
IDENTITY_PORT = int(os.environ.get("HUB_IDENTITY_PORT", "4444"))


STARTED = time.perf_counter()


def say(message: str) -> None:
    print(f"==> [{time.perf_counter() - STARTED:5.1f}s] {message}", flush=True)


class Shutdown(Exception):
    pass


def _on_signal(signum: int, _: FrameType | None) -> None:
    raise Shutdown(signal.Signals(signum).name)


def compose(root: Path) -> Path:
    with ThreadPoolExecutor(len(SERVICES)) as pool:
        paths = list(pool.map(lambda s: export_sdl(s, root / "gateway" / "subgraphs"), SERVICES))
    subgraphs = [(s.name, f"http://127.0.0.1:{s.port}/graphql", p) for s, p in zip(SERVICES, paths, strict=True)]
    return compose_supergraph(subgraphs, root / "gateway" / "supergraph.graphql")


def run(root: Path) -> None:
    data = root / ".data"
    logs = data / "logs"
    supervisor = Supervisor(say)
    postgres: EmbeddedPostgres | None = None
    broker: EmbeddedBroker | None = None
    identity: IdentityProvider | None = None
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGHUP, _on_signal)
    t0 = time.perf_counter()
    exit_code = 0
    try:
        urls = {s.name: os.environ.get(f"{s.prefix}DATABASE_URL") for s in SERVICES}
        if not all(urls.values()):
            _free_or_die(POSTGRES_PORT, "PostgreSQL (set HUB_POSTGRES_PORT)")
            say(f"PostgreSQL (embedded) on 127.0.0.1:{POSTGRES_PORT}, data in {data / 'postgres'}")
            postgres = EmbeddedPostgres(data / "postgres" / "data", POSTGRES_PORT).start()
            missing = [name for name, url in urls.items() if not url]
            postgres.create_databases(missing)
            urls.update({name: postgres.url(name) for name in missing})
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if bootstrap:
            _make_topics(bootstrap)
        else:
            _free_or_die(BROKER_PORT, "the broker (set HUB_BROKER_PORT)")
            say(
                f"Tansu broker (embedded, in memory) on 127.0.0.1:{BROKER_PORT}, with the topics of "
                "deploy/topics.yaml; supervised: a broker that dies is started again with its topics"
            )
            broker = EmbeddedBroker(BROKER_PORT, log=logs / "broker.log")
            bootstrap = broker.bootstrap_servers
            supervisor.start(
                "broker", broker.starter(lambda: _make_topics(broker.bootstrap_servers)), logs / "broker.log"
            )
        issuer = os.environ.get("OIDC_ISSUER_URL")
        if not issuer:
            _free_or_die(IDENTITY_PORT, "the identity provider (set HUB_IDENTITY_PORT)")
            identity = IdentityProvider(IDENTITY_PORT, data / "identity", log=logs / "identity.log")
            supervisor.start("identity provider", _process_of(identity.start), logs / "identity.log")
            issuer = identity.issuer
            say(f"identity provider (development) on {issuer}: dev accounts in deploy/identity/dev-accounts.json")
        for spec in SERVICES:
            _free_or_die(spec.port, spec.name)
        _free_or_die(GATEWAY_PORT, "the gateway (set GATEWAY_PORT)")

        say("composing the supergraph (alongside the rest)")
        composing = ThreadPoolExecutor(1).submit(compose, root)
        common = {"OIDC_ISSUER_URL": issuer}
        envs = {spec.name: {**spec.env(urls[spec.name] or "", bootstrap), **common} for spec in SERVICES}
        say("migrations of " + ", ".join(spec.name for spec in SERVICES))
        with ThreadPoolExecutor(len(SERVICES)) as pool:
            list(pool.map(lambda s: subprocess.run(s.command("migrate"), env=envs[s.name], check=True), SERVICES))
        # The embedded broker keeps nothing across restarts: each service finds no marker of its own on the new
        # log and tells it every aggregate's state again by itself (shared.events.log_marker), so read models
        # and subscribers find every aggregate's state on the topics; and so after the broker dies and comes
        # back while this runs.
        children = {}
        for spec in SERVICES:
            log = logs / f"{spec.name}.log"
            children[spec.name] = supervisor.start(
                spec.name, _starter(spec.command("serve"), log, envs[spec.name]), log
            )
        specs = {spec.name: spec for spec in SERVICES}
        for name, stage in SEED_ORDER:
            spec = specs[name]
            say(f"{name}: seed {stage} if not yet there (its events go out as it serves)")
            subprocess.run(spec.command("seed-if-empty", stage), env=envs[name], check=True)
            wait_for_port(spec.port, children[name].process, 60, f"{name} (see {logs / (name + '.log')})")
            # The next stages read this one's events: let its outbox drain first.
            _wait_outbox_drained(name, spec.port)
        supergraph = composing.result()
        say(f"Hive Gateway on 127.0.0.1:{GATEWAY_PORT}")
        gateway_log = logs / "gateway.log"
        gateway_env = {
            "GATEWAY_METRICS_PORT": str(GATEWAY_METRICS_PORT),
            "GATEWAY_METRICS_HOST": "127.0.0.1",
            **os.environ,
            **common,
        }
        gateway = supervisor.start(
            "gateway",
            _starter(gateway_command(supergraph, GATEWAY_PORT), gateway_log, gateway_env, cwd=root / "gateway"),
            gateway_log,
        )
        wait_for_port(GATEWAY_PORT, gateway.process, 60, f"gateway (see {gateway_log})")
        print(
            f"""
Partnership Hub is up ({time.perf_counter() - t0:.1f}s):
  GraphQL gateway (GraphiQL)   http://127.0.0.1:{GATEWAY_PORT}/graphql   (metrics: :{GATEWAY_METRICS_PORT}/metrics)
  menu subgraph                http://127.0.0.1:8001/graphql   (/healthz /readyz /status /metrics /docs)
  programmes subgraph          http://127.0.0.1:8002/graphql
  capacity subgraph            http://127.0.0.1:8003/graphql
  identity provider (dev)      {issuer}
  logs                         {logs}
A token for a dev account:     .venv/bin/python -m shared.devstack token staff   (accounts: ... accounts)
Subgraphs answer only the gateway: to call one directly, send X-Hub-Gateway-Secret: {DEV_GATEWAY_SECRET}
A service that crashes is restarted; Ctrl-C stops everything.
""",
            flush=True,
        )
        while True:
            supervisor.check()
            time.sleep(0.5)
    except Shutdown as reason:
        say(f"stopping ({reason})")
    except (subprocess.CalledProcessError, RuntimeError, TimeoutError) as error:
        say(f"failed: {error}")
        exit_code = 1
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        supervisor.stop_all()  # the services and the gateway first, then the identity provider and the broker
        if postgres is not None:
            postgres.stop()
        say("all stopped")
    sys.exit(exit_code)


def _make_topics(bootstrap: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "shared.events.topics"],
        check=True,
        capture_output=True,
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap},
    )


def _process_of(start: Callable[[], IdentityProvider]) -> Callable[[], subprocess.Popen[bytes]]:
    def started() -> subprocess.Popen[bytes]:
        process = start().process
        assert process is not None
        return process

    return started


def _starter(
    args: list[str], log: Path, env: dict[str, str] | None, cwd: Path | None = None
) -> Callable[[], subprocess.Popen[bytes]]:
    return lambda: spawn(args, log=log, env=env, cwd=cwd)


def _wait_outbox_drained(name: str, port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    drained = f'outbox_backlog{{service="{name}"}} 0.0'
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as response:
                if drained in response.read().decode():
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{name} did not publish its outbox within {timeout:.0f}s")


def _free_or_die(port: int, what: str) -> None:
    if port_open(port):
        raise RuntimeError(f"port {port} for {what} is already in use")


def token(account: str) -> None:
    """Prints a dev account's access token alone on one line (for scripts), through the provider's real flow."""
    issuer = os.environ.get("OIDC_ISSUER_URL") or f"http://127.0.0.1:{IDENTITY_PORT}"
    known = [a["id"] for a in dev_accounts()["accounts"]] + ["system"]
    if account not in known:
        sys.exit(f"no dev account {account!r}: use one of {', '.join(known)}")
    try:
        print(dev_token(issuer, account).access_token)
    except OSError as error:
        sys.exit(f"the identity provider at {issuer} does not answer ({error}): is `make run` up?")


def accounts() -> None:
    config = dev_accounts()
    print(f"dev accounts (password {config['password']!r}); roles and bindings as their tokens carry them:")
    for account in config["accounts"]:
        bound = ", ".join(f"{k}={account[k]}" for k in ("partner_iso", "nation", "provider") if k in account)
        print(f"  {account['id']:<14} {','.join(account['roles']):<9} {bound}")
    for client in config["clients"]:
        if client.get("roles"):
            print(f"  {client['client_id']:<14} {','.join(client['roles']):<9} (client credentials)")


def _print_traces(port: int, quiet: bool = False) -> None:
    """A console collector: receives OTLP/HTTP on 127.0.0.1:`port` and prints each span as it arrives (with
    `--quiet`, how many arrived, every 10 s: a sink for benchmarks with tracing on)."""
    from shared.testing.otlp import OtlpReceiver

    receiver = OtlpReceiver(port)
    print(
        f"receiving traces on {receiver.endpoint} (OTEL_EXPORTER_OTLP_ENDPOINT={receiver.endpoint} make run); "
        "Ctrl-C stops",
        flush=True,
    )
    shown, counted, said = 0, 0, time.monotonic()
    try:
        while True:
            time.sleep(0.5)
            if quiet:
                counted += len(receiver.spans)
                receiver.spans.clear()
                if time.monotonic() - said >= 10:
                    print(f"{counted} spans received", flush=True)
                    said = time.monotonic()
                continue
            for span in receiver.spans[shown:]:
                print(f"{span.trace_id}  {span.service:<11} {span.name}", flush=True)
            shown = len(receiver.spans)
    except KeyboardInterrupt:
        pass
    finally:
        receiver.close()


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    root = repository_root()
    if command == "compose":
        print(compose(root))
    elif command == "contracts" and len(sys.argv) == 3 and sys.argv[2] in ("check", "write"):
        from shared.devstack.contracts import main as contracts

        sys.exit(contracts(sys.argv[2]))
    elif command == "traces":
        quiet = "--quiet" in sys.argv
        ports = [a for a in sys.argv[2:] if a != "--quiet"]
        _print_traces(int(ports[0]) if ports else 4318, quiet)
    elif command == "run":
        run(root)
    elif command == "token" and len(sys.argv) == 3:
        token(sys.argv[2])
    elif command == "accounts":
        accounts()
    else:
        sys.exit(
            f"unknown command {' '.join(sys.argv[1:])!r}: "
            "use run, compose, contracts check|write, traces [PORT] [--quiet], token ACCOUNT or accounts"
        )


if __name__ == "__main__":
    main()
