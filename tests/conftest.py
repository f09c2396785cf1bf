"""The whole system as operators run it: three service processes, real PostgreSQL and broker, Hive Gateway
(shared.testing.system), one for the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.devstack.broker import EmbeddedBroker
from shared.devstack.identity import IdentityProvider
from shared.devstack.postgres import EmbeddedPostgres
from shared.testing.system import FRONTEND_ORIGIN, System, gateway_process, running_system

__all__ = ["FRONTEND_ORIGIN", "System", "gateway_process", "running_system"]


@pytest.fixture(scope="session")
def system(
    postgres: EmbeddedPostgres,
    broker: EmbeddedBroker,
    identity: IdentityProvider,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[System]:
    with running_system(postgres, broker, identity, Path(tmp_path_factory.mktemp("system")), "system") as system:
        yield system
