"""The one place that reaches into aiokafka's internals (shared/tests/unit/test_library_internals.py names what
it uses; shared/tests/integration/test_kafka_internals.py tries `abandon` on a real broker).

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
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.protocol.metadata import MetadataRequest

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


def never_ask_to_create_topics() -> None:
    """Our clients never ask a broker to create a topic: deploy/topics.yaml makes them, with their partitions.

    aiokafka's metadata requests ask for auto-creation unless told otherwise, and offer no setting for it. A
    broker that obliges (a cluster with auto.create.topics.enable, or the development broker, which cannot be
    told not to) would make a topic with its own default partitions that the topics command could not fix, and
    a producer holding the old layout would write to partitions that do not exist: after a broker lost its
    topics, the relay's events were acknowledged and lost. Asked not to, the broker answers UNKNOWN_TOPIC and
    the relay waits, with its events in the outbox, until the topics command has run. Idempotent."""
    original = MetadataRequest.__init__
    if getattr(original, "refuses_auto_creation", False):
        return

    def refusing(
        self: MetadataRequest, topics: list[str] | None = None, allow_auto_topic_creation: bool | None = None
    ) -> None:
        original(self, topics, False if allow_auto_topic_creation is None else allow_auto_topic_creation)

    refusing.refuses_auto_creation = True  # type: ignore[attr-defined]  # a mark on a function object
    MetadataRequest.__init__ = refusing


def cluster_size(admin: AIOKafkaAdminClient) -> int:
    """How many brokers the admin client's metadata knows (at least one): the public API has no count."""
    return max(1, len(admin._client.cluster.brokers()))


async def refresh_metadata(consumer: AIOKafkaConsumer) -> None:
    """Ask the broker for metadata now (a topic just made is not in the cached metadata until the next refresh)."""
    await consumer._client.force_metadata_update()
