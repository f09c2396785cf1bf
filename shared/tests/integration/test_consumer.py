"""The consumer: each event applied once, offsets after the effect, poison events to the DLQ."""

from __future__ import annotations

import asyncio
import uuid

from aiokafka import AIOKafkaProducer
from sqlalchemy import text

from shared.events.contracts import TopicContract
from shared.events.dead_letters import applied_since, read_dead_letters, replay
from shared.events.envelope import CloudEvent, DomainEvent
from shared.events.kafka import ensure_topics
from shared.metrics import EVENTS_CONSUMED
from shared.settings import ServiceSettings
from shared.testing.harness import eventually
from shared.testing.kafka import read_events

from .conftest import probe_runtime

TOPIC = "probe.thing.v1"


async def _produce(bootstrap: str, topic: str, events: list[CloudEvent]) -> None:
    # As an operator's topics command would: no client of ours asks the broker to make a topic.
    await ensure_topics(
        ServiceSettings(service_name="probe", kafka_bootstrap_servers=bootstrap), [topic, f"{topic}.dlq"]
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for event in events:
            await producer.send_and_wait(topic, event.value(), key=event.key.encode(), headers=event.headers())
    finally:
        await producer.stop()


def _event(key: str, n: int, kind: str = "probe.thing.made") -> CloudEvent:
    return CloudEvent.new(DomainEvent(TOPIC, kind, key, {"id": key, "n": n}), "/test")


async def test_a_redelivered_event_is_applied_once(probe_database, broker) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    applied: list[int] = []

    async def handle(uow, event) -> None:  # type: ignore[no-untyped-def]
        applied.append(event.data["n"])
        await uow.session.execute(text("SELECT 1"))

    prefix = f"c{uuid.uuid4().hex[:6]}."
    runtime = probe_runtime(
        url, metadata, broker.bootstrap_servers, prefix, consumers={"things": {TOPIC: {"probe.thing.made": handle}}}
    )
    key = str(uuid.uuid4())
    once = _event(key, 1)
    await _produce(broker.bootstrap_servers, prefix + TOPIC, [once, _event(key, 2), once])
    await runtime.start_workers()
    try:
        await eventually(lambda: _async(len(applied) >= 2))
        await asyncio.sleep(0.5)
        assert applied == [1, 2]
        async with runtime.sessionmaker() as session:
            kept = await session.scalar(text("SELECT count(*) FROM processed_event WHERE consumer = 'things'"))
        assert kept == 2
    finally:
        await runtime.stop()
    # Started again, the consumer resumes from its committed offset: nothing is applied twice.
    again = probe_runtime(
        url, metadata, broker.bootstrap_servers, prefix, consumers={"things": {TOPIC: {"probe.thing.made": handle}}}
    )
    again.settings.service_name = runtime.settings.service_name
    await _produce(broker.bootstrap_servers, prefix + TOPIC, [_event(key, 3)])
    await again.start_workers()
    try:
        await eventually(lambda: _async(len(applied) >= 3), timeout=60)
        await asyncio.sleep(0.5)
        assert applied == [1, 2, 3]
    finally:
        await again.stop()


async def test_an_event_that_keeps_failing_goes_to_the_dead_letters_and_is_replayed_after_a_fix(  # type: ignore[no-untyped-def]
    probe_database, broker
) -> None:
    url, metadata = probe_database
    applied: list[int] = []
    unlucky = {13}

    async def handle(uow, event) -> None:  # type: ignore[no-untyped-def]
        if event.data["n"] in unlucky:
            raise ValueError("thirteen is unlucky")
        applied.append(event.data["n"])

    prefix = f"d{uuid.uuid4().hex[:6]}."
    runtime = probe_runtime(
        url, metadata, broker.bootstrap_servers, prefix, consumers={"things": {TOPIC: {"probe.thing.made": handle}}}
    )
    key = str(uuid.uuid4())
    await _produce(broker.bootstrap_servers, prefix + TOPIC, [_event(key, 13), _event(key, 14)])
    await runtime.start_workers()
    try:
        await eventually(lambda: _async(applied == [14]), timeout=20)
        [(parked, headers)] = await read_events(broker.bootstrap_servers, prefix + TOPIC + ".dlq", key=key)
        assert parked.data["n"] == 13
        assert headers["dlq_error"] == "thirteen is unlucky" and headers["dlq_consumer"] == "things"
        assert headers["dlq_service"] == runtime.settings.service_name
        assert headers["dlq_group"] == f"{prefix}{runtime.settings.service_name}.things"

        consumers = [runtime.consumer("things")]
        [letter] = await read_dead_letters(runtime, consumers)
        assert letter.summary(applied=False) | {"at": None} == {
            "id": parked.id,
            "type": "probe.thing.made",
            "source": "/test",
            "topic": prefix + TOPIC,
            "consumer": "things",
            "error": "thirteen is unlucky",
            "at": None,
            "state": "waiting",
        }
        assert await replay(runtime, [letter]) == {
            "applied": 0,
            "already applied": 0,
            "dead-lettered again": 1,
            "skipped": 0,
        }
        unlucky.clear()  # the fix
        letters = await read_dead_letters(runtime, consumers)
        assert len(letters) == 2  # the first, and the second time it failed
        # One event, parked twice: replayed once.
        assert await replay(runtime, letters) == {
            "applied": 1,
            "already applied": 0,
            "dead-lettered again": 0,
            "skipped": 0,
        }
        assert applied == [14, 13]
        assert await applied_since(runtime, letters) == {("things", parked.id)}
        assert (await replay(runtime, letters))["already applied"] == 1
    finally:
        await runtime.stop()


async def _async(value: bool) -> bool:
    return value


async def test_catching_up_fills_a_read_model_and_the_consumer_resumes_after_it(probe_database, broker) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    applied: list[int] = []

    async def handle(uow, event) -> None:  # type: ignore[no-untyped-def]
        applied.append(event.data["n"])

    prefix = f"u{uuid.uuid4().hex[:6]}."
    runtime = probe_runtime(
        url, metadata, broker.bootstrap_servers, prefix, consumers={"things": {TOPIC: {"probe.thing.made": handle}}}
    )
    key = str(uuid.uuid4())
    await _produce(broker.bootstrap_servers, prefix + TOPIC, [_event(key, n) for n in range(3)])
    assert await runtime.catch_up("things") == 3
    assert applied == [0, 1, 2]
    await runtime.start_workers()
    try:
        await _produce(broker.bootstrap_servers, prefix + TOPIC, [_event(key, 3)])
        await eventually(lambda: _async(len(applied) >= 4), timeout=20)
        await asyncio.sleep(0.5)
        assert applied == [0, 1, 2, 3]  # nothing read twice
    finally:
        await runtime.stop()


async def test_a_database_outage_is_waited_out_and_nothing_is_dead_lettered(tmp_path, broker) -> None:  # type: ignore[no-untyped-def]
    """The consumer's own database goes away for a few seconds while valid events arrive: it retries
    for as long as the outage lasts (more than its attempts for a bad event), then applies them all."""
    from sqlalchemy.ext.asyncio import create_async_engine

    from shared.db import service_metadata
    from shared.devstack.postgres import EmbeddedPostgres
    from shared.devstack.processes import free_port

    server = EmbeddedPostgres(tmp_path / "pg" / "data", free_port(), durable=False).start()
    metadata = service_metadata()
    engine = create_async_engine(server.url())
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    await engine.dispose()
    applied: list[int] = []

    async def handle(uow, event) -> None:  # type: ignore[no-untyped-def]
        await uow.session.execute(text("SELECT 1"))
        applied.append(event.data["n"])

    prefix = f"o{uuid.uuid4().hex[:6]}."
    runtime = probe_runtime(
        server.url(),
        metadata,
        broker.bootstrap_servers,
        prefix,
        consumers={"things": {TOPIC: {"probe.thing.made": handle}}},
    )
    key = str(uuid.uuid4())
    try:
        await runtime.start_workers()
        await _produce(broker.bootstrap_servers, prefix + TOPIC, [_event(key, 0)])
        await eventually(lambda: _async(applied == [0]), timeout=30)
        server.stop()
        await _produce(broker.bootstrap_servers, prefix + TOPIC, [_event(key, n) for n in range(1, 6)])
        await asyncio.sleep(5)  # 2 attempts would have parked them all by now
        assert applied == [0]
        server.start()
        await eventually(lambda: _async(sorted(applied) == [0, 1, 2, 3, 4, 5]), timeout=60)
        assert [consumer.dead_lettered for consumer in runtime.running_consumers] == [0]
    finally:
        await runtime.stop()
        server.stop()


async def test_only_the_topics_owner_is_applied_and_unknown_types_are_skipped(probe_database, broker) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    applied: list[int] = []

    async def handle(uow, event) -> None:  # type: ignore[no-untyped-def]
        applied.append(event.data["n"])

    contract = TopicContract(TOPIC, "owner", ("probe.thing.made",))
    prefix = f"o{uuid.uuid4().hex[:6]}."
    runtime = probe_runtime(
        url, metadata, broker.bootstrap_servers, prefix, consumers={"things": contract.handled_by(handle)}
    )
    key = str(uuid.uuid4())
    owner, forger = contract.source, "/partnership-hub/somebody-else"
    made = DomainEvent(TOPIC, "probe.thing.made", key, {"id": key, "n": 1})
    await _produce(
        broker.bootstrap_servers,
        prefix + TOPIC,
        [
            CloudEvent.new(DomainEvent(TOPIC, "probe.thing.made", key, {"id": key, "n": 1000}), forger),
            CloudEvent.new(DomainEvent(TOPIC, "probe.thing.renamed", key, {"id": key, "n": 2}), owner),
            CloudEvent.new(made, owner),
        ],
    )
    unknown_before = EVENTS_CONSUMED.labels(runtime.settings.service_name, "things", "unknown_type")._value.get()
    await runtime.start_workers()
    try:
        await eventually(lambda: _async(applied == [1]), timeout=20)
        [(parked, headers)] = await read_events(broker.bootstrap_servers, prefix + TOPIC + ".dlq", key=key)
        assert parked.data["n"] == 1000 and parked.source == forger
        assert "is not probe.thing.v1's owner (/partnership-hub/owner)" in headers["dlq_error"]
        unknown = EVENTS_CONSUMED.labels(runtime.settings.service_name, "things", "unknown_type")._value.get()
        assert unknown == unknown_before + 1
    finally:
        await runtime.stop()
