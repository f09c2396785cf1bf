"""The development supervisor: a child that crashes is started again, with backoff; nothing else stops.

`make run` is a laptop's whole system: one service falling over (a bug, an exhausted
pool, a killed process) must not take the others down; nor must the broker or the identity
provider (a broker started again comes with its topics, and the services tell it their state
again by themselves: shared.events.log_marker). A crash is logged with its exit
code and log file, the child is restarted after 1, 2, 4 ... up to 30 seconds, and the
backoff resets once it has stayed up for a minute. Only Ctrl-C (or SIGTERM) stops all.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from shared.devstack.processes import stop

MAX_BACKOFF = 30.0
STABLE_AFTER = 60.0


@dataclass
class Child:
    name: str
    start: Callable[[], subprocess.Popen[bytes]]
    log: Path | None
    process: subprocess.Popen[bytes]
    started: float = field(default_factory=time.monotonic)
    crashes: int = 0
    restart_at: float | None = None


class Supervisor:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self.children: list[Child] = []

    def start(self, name: str, start: Callable[[], subprocess.Popen[bytes]], log: Path | None = None) -> Child:
        child = Child(name, start, log, start())
        self.children.append(child)
        return child

    def check(self) -> None:
        """Notice the children that exited and start again those whose backoff has passed."""
        now = time.monotonic()
        for child in self.children:
            if child.restart_at is None and child.process.poll() is not None:
                if now - child.started > STABLE_AFTER:
                    child.crashes = 0
                delay = min(2.0**child.crashes, MAX_BACKOFF)
                child.crashes += 1
                child.restart_at = now + delay
                where = f" (see {child.log})" if child.log else ""
                self.say(f"{child.name} exited with code {child.process.returncode}{where}; restarting in {delay:.0f}s")
            elif child.restart_at is not None and now >= child.restart_at:
                try:
                    child.process = child.start()
                except (OSError, RuntimeError, TimeoutError, subprocess.SubprocessError) as error:
                    delay = min(2.0**child.crashes, MAX_BACKOFF)
                    child.crashes += 1
                    child.restart_at = time.monotonic() + delay
                    self.say(f"{child.name} did not start again ({error}); trying in {delay:.0f}s")
                    continue
                child.started, child.restart_at = time.monotonic(), None
                self.say(f"{child.name} restarted (crash {child.crashes})")

    def stop_all(self) -> None:
        for child in reversed(self.children):
            stop(child.process)
