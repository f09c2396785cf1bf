"""Gaps heal from the owner (shared.events.heal): a forged jump on the menu's topic is undone by the state the
menu tells when programmes asks, and a heal answer told before the state a copy holds is not taken."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from .conftest import Stack, converged, create_activities, report


async def _records_of(stack: Stack, key: str) -> list[Any]:
    """Every record of the activity on the menu's topic, in order."""
    consumer = AIOKafkaConsumer(bootstrap_servers=stack.broker.bootstrap_servers, enable_auto_commit=False)
    await consumer.start()
    found = []
    try:
        partitions = [TopicPartition(stack.topic, p) for p in range(6)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        while batches := await consumer.getmany(timeout_ms=1000):
            found += [r for records in batches.values() for r in records if r.key == key.encode()]
    finally:
        await consumer.stop()
    return found


async def _produce(stack: Stack, key: str, type_: str, data: dict[str, Any], when: datetime) -> str:
    """An event with the menu's own source, as only a principal past the broker's ACLs could write it."""
    event_id = str(uuid.uuid4())
    headers = [
        ("ce_specversion", "1.0"),
        ("ce_id", event_id),
        ("ce_source", "/partnership-hub/menu"),
        ("ce_type", type_),
        ("ce_time", when.isoformat()),
        ("content-type", "application/json"),
    ]
    producer = AIOKafkaProducer(bootstrap_servers=stack.broker.bootstrap_servers)
    await producer.start()
    try:
        await producer.send_and_wait(
            stack.topic, json.dumps(data).encode(), key=key.encode(), headers=[(k, v.encode()) for k, v in headers]
        )
    finally:
        await producer.stop()
    return event_id


async def _copy(stack: Stack, key: str) -> tuple[int, str]:
    [row] = await stack.rows("programmes", "SELECT version, title FROM known_activity WHERE id = $1", uuid.UUID(key))
    return row["version"], row["title"]


async def _applied(stack: Stack, event_id: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await stack.rows("programmes", "SELECT 1 FROM processed_event WHERE event_id = $1", event_id):
            return
        await asyncio.sleep(0.3)
    raise AssertionError(f"programmes never processed {event_id}")


async def test_a_forged_jump_is_healed_from_the_owner_and_a_stale_heal_answer_is_not_taken(stack: Stack) -> None:
    [key] = await create_activities(stack, 1)  # created and published: version 2
    await converged(stack, [key])
    real = await _copy(stack, key)
    assert real[0] == 2
    last = json.loads((await _records_of(stack, key))[-1].value)

    forged = await _produce(
        stack, key, "menu.activity.updated", {**last, "version": 8, "title": "Forged"}, datetime.now(UTC)
    )
    started = time.monotonic()
    await _applied(stack, forged)
    while await _copy(stack, key) != real:  # the jump was applied, then the menu's answer undid it
        assert time.monotonic() - started < 30, await _copy(stack, key)
        await asyncio.sleep(0.3)
    healed_in = time.monotonic() - started
    requests = await stack.rows(
        "programmes", "SELECT data FROM outbox WHERE type = 'menu.state.requested' AND key = $1", key
    )
    assert [json.loads(r["data"]) for r in requests] == [
        {"topic": "menu.activity.v1", "key": key, "heldVersion": 2, "seenVersion": 8, "requester": "programmes"}
    ]
    states = [r for r in await _records_of(stack, key) if dict(r.headers)["ce_type"] == b"menu.activity.state"]
    assert len(states) == 1 and json.loads(states[0].value)["version"] == 2
    assert dict(states[0].headers)["ce_ownerepoch"] == b"1"

    # An authoritative state told before the one the copy holds (a stray or replayed answer) is not taken.
    stale = await _produce(
        stack,
        key,
        "menu.activity.state",
        {**last, "version": 1, "title": "Stale"},
        datetime.now(UTC) - timedelta(hours=1),
    )
    await _applied(stack, stale)
    assert await _copy(stack, key) == real
    report("forged jump", healed_in=f"{healed_in:.1f}s", heal_requests=len(requests), stale_answer_taken=False)
