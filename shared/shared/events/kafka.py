"""aiokafka clients configured once: acks=all, idempotence as a setting, topics made only by the topics command."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code
from aiokafka.helpers import create_ssl_context

from shared.events.kafka_internals import abandon, never_ask_to_create_topics
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

DEFAULT_PARTITIONS = 3


# Our clients never ask a broker to create a topic: deploy/topics.yaml makes them (kafka_internals says why).
never_ask_to_create_topics()


def connection_options(settings: ServiceSettings) -> dict[str, Any]:
    """How every client of ours reaches the cluster: address, TLS and SASL, from the settings."""
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {"bootstrap_servers": settings.kafka_bootstrap_servers, "security_protocol": protocol}
    if protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = create_ssl_context(
            cafile=settings.kafka_ssl_cafile or None,
            certfile=settings.kafka_ssl_certfile or None,
            keyfile=settings.kafka_ssl_keyfile or None,
        )
    if protocol.startswith("SASL_"):
        options.update(
            sasl_mechanism=settings.kafka_sasl_mechanism,
            sasl_plain_username=settings.kafka_sasl_username,
            sasl_plain_password=settings.kafka_sasl_password.get_secret_value(),
        )
    return options


def create_producer(settings: ServiceSettings) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        **connection_options(settings),
        client_id=f"{settings.service_name}-producer",
        acks="all",
        enable_idempotence=settings.kafka_enable_idempotence,
        linger_ms=5,
        request_timeout_ms=10_000,
        retry_backoff_ms=200,
    )


def create_consumer(settings: ServiceSettings, group_id: str, topics: Iterable[str]) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics,
        **connection_options(settings),
        client_id=f"{settings.service_name}-{group_id}",
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        metadata_max_age_ms=5_000,
        fetch_max_wait_ms=settings.kafka_fetch_max_wait_ms,
        request_timeout_ms=15_000,
        # A member that vanished without leaving is noticed within seconds.
        session_timeout_ms=6_000,
        heartbeat_interval_ms=1_000,
    )


async def close_consumer(consumer: AIOKafkaConsumer, seconds: float) -> str | None:
    """Stop a consumer within `seconds` whatever the broker does, and never raise for it; returns why it had to
    be abandoned instead (shared.events.kafka_internals), if it had. A consumer that is not stopped this way stays
    a member of its group, holding partitions no one reads."""
    stopping = asyncio.ensure_future(consumer.stop())
    try:
        await asyncio.wait({stopping}, timeout=seconds)
    except asyncio.CancelledError:  # our own task is being cancelled: still leave nothing behind
        stopping.cancel()
        await abandon(consumer)
        raise
    if not stopping.done():
        stopping.cancel()
        problem = f"it did not stop within {seconds:.0f}s"
    elif stopping.cancelled():
        problem = "the Kafka client cancelled its own stop"
    elif stopping.exception() is not None:
        problem = f"its stop failed: {type(stopping.exception()).__name__}"
    else:
        return None
    await abandon(consumer)
    return problem


async def ensure_topics(settings: ServiceSettings, topics: Iterable[str], partitions: int = DEFAULT_PARTITIONS) -> None:
    """Create missing topics, for tests and benchmarks of their own topics; the services' topics come from
    deploy/topics.yaml (shared.events.topics)."""
    admin = AIOKafkaAdminClient(**connection_options(settings), request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [t for t in topics if t not in existing]
        if missing:
            await create_new_topics(admin, [NewTopic(t, partitions, 1) for t in missing])
            log.info("created topics %s", ", ".join(missing))
    finally:
        await admin.close()


class TopicsRefused(Exception):
    """The broker refused to make topics (authorisation, replication, policy, configuration)."""


async def create_new_topics(admin: AIOKafkaAdminClient, topics: list[NewTopic]) -> None:
    """Create the topics, or raise naming every one the broker refused. The admin client reports refusals in
    its answer, not by raising; a topic another creator made first is not a refusal."""
    response = await admin.create_topics(topics)
    refused = refusals(response.topic_errors)
    if refused:
        raise TopicsRefused("the broker refused to create " + "; ".join(refused))


def refusals(topic_errors: Iterable[tuple[Any, ...]]) -> list[str]:
    """ "topic: why" for each topic a CreateTopics answer refused ((topic, code[, message]) per topic)."""
    refused = []
    for name, code, *message in topic_errors:
        if code not in (0, TopicAlreadyExistsError.errno):
            reason = (message[0] if message and message[0] else None) or for_code(code).__name__
            refused.append(f"{name}: {reason}")
    return refused


async def keep_running(attempt: Callable[[], Awaitable[None]], what: str) -> None:
    """Run `attempt` again after any failure (the broker or database went away), backing off to 10s."""
    backoff = 0.5
    while True:
        try:
            await attempt()
            backoff = 0.5
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("%s paused: %s", what, exc)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 10.0)
