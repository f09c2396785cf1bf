"""The broker paused 30 s, five times in a row on one stack, under write load and, for part of it, CPU pressure:
every copy converges within 60 s of SIGCONT with no process restart, and no acknowledged write is lost."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from typing import Any

import httpx

from shared.devstack.processes import spawn, stop

from .conftest import Stack, behind, converged, create_activities, dead_letters, report, steady_load

PAUSES = 5
PAUSE_SECONDS = 30
UNDER_PRESSURE = {2, 3, 4}  # the pauses during which every core is kept busy


def _burn() -> list[subprocess.Popen[bytes]]:
    """A busy loop per core (and one more), in process groups of their own, stopped by the caller."""
    return [spawn([sys.executable, "-c", "while True: pass"]) for _ in range((os.cpu_count() or 2) + 1)]


async def _status(stack: Stack) -> dict[str, dict[str, Any]]:
    async with httpx.AsyncClient(timeout=5) as client:
        return {
            name: (await client.get(f"http://127.0.0.1:{service.port}/status")).json()["consumers"]
            for name, service in (("menu", stack.menu), ("programmes", stack.programmes))
        }


async def test_five_broker_pauses_under_load_and_cpu_pressure_converge_without_restarts(stack: Stack) -> None:
    ids = await create_activities(stack, 20)
    pids = {stack.menu.process.pid, stack.programmes.process.pid}  # type: ignore[union-attr]
    assert stack.broker.process is not None
    times = []
    for pause in range(1, PAUSES + 1):
        burners = _burn() if pause in UNDER_PRESSURE else []
        try:
            load = asyncio.create_task(steady_load(stack, ids, total=240, per_second=8.0))
            await asyncio.sleep(3)
            os.kill(stack.broker.process.pid, signal.SIGSTOP)
            await asyncio.sleep(PAUSE_SECONDS)
            os.kill(stack.broker.process.pid, signal.SIGCONT)
            resumed = time.monotonic()
            done = await load
            diverged = await behind(stack, ids)
        finally:
            for burner in burners:
                stop(burner, grace=1)
        assert done.failed == 0, done  # the outbox takes every change while the broker is away
        try:
            settled = await converged(stack, ids, timeout=max(5.0, 60 - (time.monotonic() - resumed)))
        except AssertionError as error:
            raise AssertionError(f"pause {pause}: {error}") from None
        times.append(round(time.monotonic() - resumed, 1))
        report(
            f"broker paused {PAUSE_SECONDS} s, {pause} of {PAUSES}",
            under_cpu_pressure=pause in UNDER_PRESSURE,
            mutations_ok=done.succeeded,
            lost=0,
            behind_at_sigcont=diverged,
            behind_after=0,
            converged_after_sigcont=f"{times[-1]}s",
            converged_after_load=f"{settled:.1f}s",
        )
    assert {stack.menu.process.pid, stack.programmes.process.pid} == pids  # type: ignore[union-attr]
    status = await _status(stack)
    report(
        "after five pauses",
        converged_after_sigcont=times,
        dead_letters=await dead_letters(stack),
        consumer_restarts={f"{s}.{c}": v["restarts"] for s, cs in status.items() for c, v in cs.items()},
    )
