"""Reading events back from the real broker, as a subscriber would."""

from __future__ import annotations

import asyncio
import time

from aiokafka import AIOKafkaConsumer, TopicPartition

from shared.events.envelope import CloudEvent, DomainEvent
from shared.events.kafka_internals import refresh_metadata


async def read_events(
    bootstrap: str, topic: str, key: str | None = None, *, at_least: int = 1, timeout: float = 20.0
) -> list[tuple[CloudEvent, dict[str, str]]]:
    """Events of a topic (optionally of one key) from the beginning, with their raw headers."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest", metadata_max_age_ms=1000
    )
    await consumer.start()
    found: list[tuple[CloudEvent, dict[str, str]]] = []
    try:
        deadline = time.monotonic() + timeout
        partitions: set[int] | None = None
        while partitions is None and time.monotonic() < deadline:
            partitions = consumer.partitions_for_topic(topic)
            if partitions is None:
                await refresh_metadata(consumer)  # the topic may be new
                await asyncio.sleep(0.2)
        assert partitions is not None, f"topic {topic} does not exist"
        assigned = [TopicPartition(topic, p) for p in partitions]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        while time.monotonic() < deadline and len(found) < at_least:
            batches = await consumer.getmany(timeout_ms=300)
            for records in batches.values():
                for record in records:
                    if key is not None and (record.key or b"").decode() != key:
                        continue
                    headers = {name: value.decode() for name, value in record.headers}
                    found.append(
                        (CloudEvent.from_record(record.topic, record.key, record.value, record.headers), headers)
                    )
        return found
    finally:
        await consumer.stop()


async def publish_as(bootstrap: str, topic: str, event: DomainEvent, source: str, actor: str = "test") -> CloudEvent:
    """Publish an event onto a real topic as the owning service would (for a consumer under test)."""
    from aiokafka import AIOKafkaProducer

    envelope = CloudEvent.new(event, source, actor=actor)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, envelope.value(), key=envelope.key.encode(), headers=envelope.headers())
    finally:
        await producer.stop()
    return envelope


async def publish_partner(
    bootstrap: str,
    topic: str,
    iso: str,
    *,
    framework: str = "PFP",
    suspended: bool = False,
    version: int = 1,
    verb: str = "registered",
    name: str | None = None,
) -> CloudEvent:
    """A programmes.partner.* event as programmes publishes it, for the services that keep a copy."""
    from datetime import UTC, datetime

    data = {
        "iso": iso,
        "name": name or f"Partner {iso}",
        "framework": framework,
        "suspended": suspended,
        "suspensionReason": "test" if suspended else None,
        "enhancedOpportunities": False,
        "interoperabilityPlatform": False,
        "ipapSince": None,
        "dcb": True,
        "deep": False,
        "tools": [],
        "version": version,
        "updatedAt": datetime.now(UTC).isoformat(),
    }
    return await publish_as(
        bootstrap,
        topic,
        DomainEvent("programmes.partner.v1", f"programmes.partner.{verb}", iso, data),
        "/partnership-hub/programmes",
    )


async def publish_nomination(
    bootstrap: str,
    topic: str,
    *,
    partner_iso: str,
    activity_id: str,
    start: str,
    status: str = "ATTENDED",
    verb: str = "attended",
    nomination_id: str | None = None,
    occurrence_id: str | None = None,
    version: int = 4,
) -> CloudEvent:
    """A menu.nomination.* event as the menu publishes it, for the services that keep who attended."""
    import uuid
    from datetime import UTC, datetime

    key = nomination_id or str(uuid.uuid4())
    data = {
        "id": key,
        "occurrenceId": occurrence_id or str(uuid.uuid4()),
        "activityId": activity_id,
        "occurrenceStartDate": start,
        "partnerIso": partner_iso,
        "participantId": str(uuid.uuid4()),
        "status": status,
        "arrival": 1,
        "ratings": None,
        "version": version,
        "updatedAt": datetime.now(UTC).isoformat(),
    }
    event = DomainEvent("menu.nomination.v1", f"menu.nomination.{verb}", key, data)
    return await publish_as(bootstrap, topic, event, "/partnership-hub/menu")
