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
    settings = ServiceSettings(
        service_name="topics", kafka_bootstrap_servers=broker.bootstrap_servers, topic_prefix=prefix
    )
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
    assert {topic["topic"]: len(topic["partitions"]) for topic in described} == {
        prefix + spec.name: spec.partitions for spec in declared
    }
    assert {spec.partitions for spec in declared if spec.name != "hub.log-markers"} == {6}
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


async def test_a_log_holds_a_services_marker_only_once_the_service_wrote_it(broker) -> None:  # type: ignore[no-untyped-def]
    """How a service tells a new or lost log from the one it told its state to (shared.events.log_marker)."""
    from shared.events.kafka import create_producer
    from shared.events.log_marker import MARKERS_TOPIC, marker_held, write_marker

    settings = ServiceSettings(
        service_name="marked",
        kafka_bootstrap_servers=broker.bootstrap_servers,
        topic_prefix=f"m{uuid.uuid4().hex[:6]}.",
    )
    assert await marker_held(settings) is None  # no markers topic: nothing to tell yet
    await create_topics(settings, [spec for spec in declared_topics() if spec.name == MARKERS_TOPIC])
    assert await marker_held(settings) is False
    other = settings.model_copy(update={"service_name": "other"})
    producer = create_producer(settings)
    await producer.start()
    try:
        await write_marker(producer, other, 3)
        assert await marker_held(settings) is False  # another service's marker is not ours
        await write_marker(producer, settings, 7)
    finally:
        await producer.stop()
    assert await marker_held(settings) is True
