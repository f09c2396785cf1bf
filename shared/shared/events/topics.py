"""The topics we use, made from `deploy/topics.yaml` by one command: `python -m shared.events.topics`.

`make run`, the test fixtures, compose and a Kubernetes Job run it; the services themselves never create a
topic (nor rely on the broker making one): they wait until theirs exist. Each topic gets the partitions,
replication and configuration the file declares, replication capped at the cluster's size (1 on the
embedded broker); every dead-letter topic is made with its topic. A topic that exists already is left as it
is, and a difference from the file is reported.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from shared.events.kafka import TopicsRefused, connection_options, create_consumer, create_new_topics
from shared.events.kafka_internals import cluster_size, refresh_metadata
from shared.settings import ServiceSettings

log = logging.getLogger(__name__)

# In a checkout, the repository's file; in an image, where the Dockerfile puts it (HUB_TOPICS_FILE).
DEFAULT_FILE = Path(__file__).resolve().parents[3] / "deploy" / "topics.yaml"
WAIT_LOG_SECONDS = 30.0


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    replication: int
    config: dict[str, str] = field(default_factory=dict)


def topics_file() -> Path:
    return Path(os.environ.get("HUB_TOPICS_FILE") or DEFAULT_FILE)


def declared_topics(path: Path | None = None) -> list[TopicSpec]:
    """Every topic of the file, the platform's and the dead-letter topics included, with the file's defaults
    applied."""
    declared = yaml.safe_load((path or topics_file()).read_text())
    defaults = declared["defaults"]

    def spec(entry: dict[str, Any], config: dict[str, Any]) -> TopicSpec:
        config = {**config, **entry.get("config", {})}
        return TopicSpec(
            entry["name"],
            int(entry.get("partitions", defaults["partitions"])),
            int(entry.get("replication_factor", defaults["replication_factor"])),
            {key: str(value) for key, value in config.items()},
        )

    # Dead letters are not state: their own config, in place of the state topics'.
    dead_letter_config = declared.get("dead_letter_config", defaults.get("config", {}))
    state_like = [*declared["topics"], *declared.get("platform", [])]
    return [
        *(spec(entry, defaults.get("config", {})) for entry in state_like),
        *(spec(entry, dead_letter_config) for entry in declared.get("dead_letter", [])),
    ]


async def create_topics(settings: ServiceSettings, specs: Iterable[TopicSpec]) -> list[str]:
    """Make the missing topics (names prefixed by the settings' topic prefix); the names made."""
    wanted = {settings.topic(spec.name): spec for spec in specs}
    admin = AIOKafkaAdminClient(**connection_options(settings), request_timeout_ms=10_000)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        brokers = max(1, cluster_size(admin))
        missing = [
            NewTopic(name, spec.partitions, min(spec.replication, brokers), topic_configs=spec.config)
            for name, spec in wanted.items()
            if name not in existing
        ]
        capped = sorted({spec.replication for name, spec in wanted.items() if name not in existing} - {1})
        if missing and brokers < max(capped, default=1):
            log.warning(
                "the cluster has %d broker(s): replication capped from %s to %d",
                brokers,
                "/".join(map(str, capped)),
                brokers,
            )
        if missing:
            await create_new_topics(admin, missing)
        await _report_differences(admin, {name: spec for name, spec in wanted.items() if name in existing})
        return [topic.name for topic in missing]
    finally:
        await admin.close()


async def _report_differences(admin: AIOKafkaAdminClient, existing: dict[str, TopicSpec]) -> None:
    if not existing:
        return
    described = await admin.describe_topics(list(existing))
    for topic in described:
        spec = existing.get(topic.get("topic", ""))
        if spec is not None and len(topic.get("partitions", ())) != spec.partitions:
            log.warning(
                "topic %s has %d partitions, %s declares %d (left as it is)",
                spec.name,
                len(topic["partitions"]),
                topics_file().name,
                spec.partitions,
            )


async def missing_topics(settings: ServiceSettings, names: Iterable[str], seconds: float = 15.0) -> list[str]:
    """Those of `names` the broker does not have; within `seconds`, or TimeoutError."""
    admin = AIOKafkaAdminClient(**connection_options(settings), request_timeout_ms=10_000)
    try:
        async with asyncio.timeout(seconds):
            await admin.start()
            existing = set(await admin.list_topics())
        return [name for name in names if name not in existing]
    finally:
        with contextlib.suppress(Exception):
            await admin.close()


async def records_held(settings: ServiceSettings, names: Iterable[str]) -> dict[str, int]:
    """How many records each topic has ever been given (the sum of its partitions' end offsets): 0 on a
    broker that lost its data or never had it."""
    names = list(names)
    consumer = create_consumer(settings, f"{settings.service_name}.records-held", [])
    await consumer.start()
    try:
        partitions = [TopicPartition(name, p) for name in names for p in sorted(await partitions_of(consumer, name))]
        ends = await consumer.end_offsets(partitions)
        held = dict.fromkeys(names, 0)
        for partition, end in ends.items():
            held[partition.topic] += end
        return held
    finally:
        await consumer.stop()


async def partitions_of(consumer: AIOKafkaConsumer, topic: str) -> set[int]:
    while (found := consumer.partitions_for_topic(topic)) is None:
        await refresh_metadata(consumer)  # a topic just made is not yet in the metadata
        await asyncio.sleep(0.1)
    return found


async def wait_for_topics(
    settings: ServiceSettings,
    names: Iterable[str],
    interval: float = 1.0,
    waiting: Callable[[], None] | None = None,
    seconds: float = 15.0,
) -> None:
    """Until every topic exists (the broker may be away, or the topics command not run yet); `waiting` is called
    at each look (a consumer's watchdog: waiting for topics is not being stuck); each look takes at most
    `seconds`."""
    names = list(names)
    said = -WAIT_LOG_SECONDS
    waited = 0.0
    while True:
        try:
            missing = await missing_topics(settings, names, seconds)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            missing, problem = names, f"broker not reachable ({type(exc).__name__})"
        else:
            problem = "missing: run `python -m shared.events.topics`"
        if not missing:
            return
        if waiting is not None:
            waiting()
        if waited - said >= WAIT_LOG_SECONDS:
            log.warning("waiting for topics %s: %s; events wait in the outbox", ", ".join(missing), problem)
            said = waited
        await asyncio.sleep(interval)
        waited += interval


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m shared.events.topics",
        description="Create the topics of deploy/topics.yaml that do not exist yet.",
    )
    parser.add_argument("--file", type=Path, default=None, help=f"the topics file (default: {topics_file()})")
    parser.add_argument("--prefix", default=None, help="prefix every name (TOPIC_PREFIX); tests use one per run")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = ServiceSettings(service_name="topics")
    if args.prefix is not None:
        settings = settings.model_copy(update={"topic_prefix": args.prefix})
    try:
        made = asyncio.run(create_topics(settings, declared_topics(args.file)))
    except TopicsRefused as refused:
        raise SystemExit(f"topics not created: {refused}") from None
    print(f"created {len(made)} topics" + (f": {', '.join(made)}" if made else " (all exist)"))


if __name__ == "__main__":
    main()
