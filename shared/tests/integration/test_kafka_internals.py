"""What shared.events.kafka_internals relies on in aiokafka, tried on a real broker: a consumer's group
coordinator holds `_heartbeat_task`, `_coordination_task` and `_commit_refresh_task`, its fetcher `_fetch_task`,
its client `_sync_task` and `close()`; and an abandoned member stops heartbeating, so the group's partitions go
to the member still alive."""

from __future__ import annotations

import asyncio
import uuid

from aiokafka import AIOKafkaConsumer

from shared.devstack.broker import EmbeddedBroker
from shared.events.kafka import ensure_topics
from shared.events.kafka_internals import COORDINATOR_TASKS, abandon, background_tasks
from shared.settings import ServiceSettings


async def test_an_abandoned_member_leaves_no_task_running_and_its_partitions_go_to_the_living(
    broker: EmbeddedBroker, topic_prefix: str
) -> None:
    settings = ServiceSettings(service_name="internals", kafka_bootstrap_servers=broker.bootstrap_servers)
    topic = f"{topic_prefix}internals.{uuid.uuid4().hex[:6]}"
    await ensure_topics(settings, [topic], partitions=4)
    group = f"{topic_prefix}internals-{uuid.uuid4().hex[:6]}"

    def member() -> AIOKafkaConsumer:
        return AIOKafkaConsumer(
            topic,
            bootstrap_servers=broker.bootstrap_servers,
            group_id=group,
            enable_auto_commit=False,
            session_timeout_ms=6_000,
            heartbeat_interval_ms=1_000,
            metadata_max_age_ms=1_000,
        )

    first, second = member(), member()
    await first.start()
    await second.start()
    try:
        for _ in range(100):
            await first.getmany(timeout_ms=100)
            await second.getmany(timeout_ms=100)
            if first.assignment() and second.assignment():
                break
        assert first.assignment() and second.assignment()
        coordinator = first._coordinator
        assert all(hasattr(coordinator, name) for name in COORDINATOR_TASKS)
        assert isinstance(first._fetcher._fetch_task, asyncio.Task)
        assert isinstance(first._client._sync_task, asyncio.Task) and callable(first._client.close)
        running = background_tasks(first)
        assert coordinator._heartbeat_task in running and coordinator._coordination_task in running

        await abandon(first)
        assert not background_tasks(first) and all(task.done() for task in running)
        partitions = {p for p in second.assignment()}
        for _ in range(300):  # the broker drops the silent member after its session timeout
            await second.getmany(timeout_ms=100)
            partitions = set(second.assignment())
            if len(partitions) == 4:
                break
        assert len(partitions) == 4
    finally:
        await second.stop()
