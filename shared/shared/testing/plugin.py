"""pytest fixtures for the real PostgreSQL and the real broker, started once per test session.

Both run on free ports from the embedded wheels and are stopped by their process
group when the session ends; no test depends on a server of the machine.
"""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from shared.devstack.broker import EmbeddedBroker
from shared.devstack.identity import IdentityProvider
from shared.devstack.postgres import EmbeddedPostgres
from shared.devstack.processes import free_port


def pytest_configure(config: pytest.Config) -> None:
    # A terminated run (a CI time-out, a killed terminal) still tears its servers down.
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupt)
    # Every list a planned execution completes is completed the ordinary way too and must give the same
    # bytes, in this process and in the services the tests start (shared.graphql.executor).
    os.environ["HUB_CHECK_PLANNED_EXECUTION"] = "1"
    from shared.graphql.executor import PlannedExecutor

    PlannedExecutor.check_plans = True


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedPostgres]:
    server = EmbeddedPostgres(Path(tmp_path_factory.mktemp("pg")) / "data", free_port(), durable=False)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    server = EmbeddedBroker(free_port(), log=Path(tmp_path_factory.mktemp("broker")) / "broker.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def identity(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IdentityProvider]:
    """The development OpenID Connect provider, with the dev accounts and fresh signing keys."""
    work = Path(tmp_path_factory.mktemp("identity"))
    server = IdentityProvider(free_port(), work / "data", log=work / "identity.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def topic_prefix() -> str:
    """Each session publishes to its own topics."""
    return f"t{uuid.uuid4().hex[:8]}."


@pytest.fixture
async def anyio_backend() -> AsyncIterator[str]:  # for libraries that ask
    yield "asyncio"
