"""The one place that reaches into aiokafka's internals (tests/unit/test_kafka_internals.py names what it uses).

`AIOKafkaConsumer.stop()` can fail to finish while the broker is away: the group coordinator's close waits for
its coordination task, which may be inside a retry loop that never ends once closing has begun, while the
heartbeat task goes on. A client left like that stays a member of its group, holding partitions no one reads,
for as long as the process lives: the broker sees it heartbeat. And `stop()` can raise a CancelledError nobody
asked for (the fetcher cancels its own task and awaits it). aiokafka's public API offers no way to drop a
consumer's connections and tasks at once, so `abandon` does it here.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiokafka import AIOKafkaConsumer

# The tasks of a group coordinator that talk to the broker on the consumer's behalf.
COORDINATOR_TASKS = ("_heartbeat_task", "_coordination_task", "_commit_refresh_task")


def background_tasks(consumer: AIOKafkaConsumer) -> list[asyncio.Task[Any]]:
    """The consumer's tasks still running: its coordinator's, its fetcher's and its metadata sync."""
    tasks = []
    coordinator = getattr(consumer, "_coordinator", None)
    for name in COORDINATOR_TASKS:
        tasks.append(getattr(coordinator, name, None))
    tasks.append(getattr(getattr(consumer, "_fetcher", None), "_fetch_task", None))
    tasks.append(getattr(getattr(consumer, "_client", None), "_sync_task", None))
    return [task for task in tasks if isinstance(task, asyncio.Task) and not task.done()]


async def abandon(consumer: AIOKafkaConsumer, seconds: float = 5.0) -> None:
    """Cancel the consumer's background tasks and close its connections, without leaving the group: the broker
    drops the member when its session times out (seconds), and the group's partitions go to the living."""
    tasks = background_tasks(consumer)
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=seconds)  # never raises what the tasks ended with
    client = getattr(consumer, "_client", None)
    if client is not None:
        closing = asyncio.ensure_future(client.close())
        await asyncio.wait({closing}, timeout=seconds)
        if not closing.done():
            closing.cancel()
        else:
            with contextlib.suppress(BaseException):
                closing.result()
