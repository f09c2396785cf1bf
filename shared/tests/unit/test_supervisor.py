"""The development supervisor restarts a crashed child with backoff and leaves the others running."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from shared.devstack.processes import spawn
from shared.devstack.supervisor import Supervisor


def test_a_crashed_child_is_restarted_with_backoff_while_the_others_run_on(tmp_path: Path) -> None:
    said: list[str] = []
    starts = tmp_path / "starts"
    supervisor = Supervisor(said.append)
    crashing = f"open({str(starts)!r}, 'a').write('x'); raise SystemExit(3)"
    supervisor.start("crasher", lambda: spawn([sys.executable, "-c", crashing]))
    steady = supervisor.start("steady", lambda: spawn([sys.executable, "-c", "import time; time.sleep(60)"]))
    pid = steady.process.pid
    try:
        deadline = time.monotonic() + 4.5
        while time.monotonic() < deadline:
            supervisor.check()
            time.sleep(0.05)
        # started at 0 s, again after 1 s and after 2 s more: three starts, the backoff doubling
        assert starts.read_text() == "xxx"
        assert said[0] == "crasher exited with code 3; restarting in 1s"
        assert "crasher exited with code 3; restarting in 2s" in said
        assert steady.process.poll() is None and steady.process.pid == pid
    finally:
        supervisor.stop_all()
    assert all(child.process.poll() is not None for child in supervisor.children)
