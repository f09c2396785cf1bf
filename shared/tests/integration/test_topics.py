"""Topics come from deploy/topics.yaml through one command; a service never makes one itself."""

from __future__ import annotations

import asyncio
import uuid

from aiokafka.admin import AIOKafkaAdminClient

from shared.events.topics import create_topics, declared_topics
from shared.settings import ServiceSettings

from .conftest import THINGS, probe_runtime
from .test_outbox import _make_things, _unsent


async def test_the_topics_command_makes_every_declared_topic_once(broker) -> None:  # type: ignore[no-untyped-def]
    prefix = f"t{uuid.uuid4().hex[:6]}."
    settings = ServiceSettings(service_name="topics", kafka_bootstrap_servers=broker.bootstrap_servers,
                               topic_prefix=prefix)
    declared = declared_topics()
    made = await create_topics(settings, declared)
    assert sorted(made) == sorted(prefix + spec.name for spec in declared)
    assert {spec.name for spec in declared} >= {"menu.activity.v1", "menu.activity.v1.dlq"}
    admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap_servers)
    await admin.start()
    try:
        described = await admin.describe_topics(made)
    finally:
        await admin.close()
    # Replication is capped at the cluster's size: one embedded broker.
    assert {topic["topic"]: len(topic["partitions"]) for topic in described} == {name: 6 for name in made}
    assert all(len(p["replicas"]) == 1 for topic in described for p in topic["partitions"])
    assert await create_topics(settings, declared) == []  # a second run finds them all


async def test_a_service_waits_for_its_topics_and_makes_none(probe_database, broker) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    runtime = probe_runtime(url, metadata, broker.bootstrap_servers, f"w{uuid.uuid4().hex[:6]}.")
    await runtime.start_workers()
    try:
        await _make_things(runtime, str(uuid.uuid4()), 2)
        await asyncio.sleep(3)
        admin = AIOKafkaAdminClient(bootstrap_servers=broker.bootstrap_servers)
        await admin.start()
        try:
            assert runtime.settings.topic(THINGS.name) not in await admin.list_topics()
        finally:
            await admin.close()
        assert await _unsent(runtime) == 2  # waiting in the outbox
    finally:
        await runtime.stop()
