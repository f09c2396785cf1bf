"""One command line for every service: serve, migrate, seed [STAGE], seed-if-empty [STAGE], prepare
(migrate, then every seed stage not yet run), republish (every aggregate's state again, as snapshot events),
rebuild CONSUMER (a read model from its topics), dead-letters list|show|replay [--id EVENT_ID ...] (what its
consumers could not apply), sdl (its subgraph schema) and asyncapi (its event catalogue)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from datetime import datetime

from sqlalchemy import select

from shared.definition import SeedStage, ServiceDefinition
from shared.events.catalogue import asyncapi_document
from shared.events.dead_letters import applied_since, read_dead_letters, replay
from shared.events.rebuild import RebuildRefused, rebuild
from shared.events.republish import republish
from shared.logs import configure_logging
from shared.migrations import upgrade
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings
from shared.web.serve import serve


def main(service: ServiceDefinition, argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=service.name)
    parser.add_argument(
        "command",
        choices=[
            "serve",
            "migrate",
            "seed",
            "seed-if-empty",
            "prepare",
            "republish",
            "rebuild",
            "dead-letters",
            "sdl",
            "asyncapi",
        ],
    )
    parser.add_argument(
        "stage",
        nargs="?",
        help="a seed stage (seed, seed-if-empty; all stages when left out), "
        "the consumer whose read model to rebuild (rebuild), or list, show "
        "or replay (dead-letters)",
    )
    parser.add_argument(
        "--since", type=datetime.fromisoformat, help="republish: only the aggregates changed since this time (ISO 8601)"
    )
    parser.add_argument("--topic", action="append", help="republish: only this topic (repeatable)")
    parser.add_argument(
        "--id",
        action="append",
        dest="ids",
        help="dead-letters show or replay: this event (its ce_id; repeatable); replay: all waiting when left out",
    )
    args = parser.parse_args(argv)
    settings = service.settings()
    configure_logging(service.name, settings.log_level, settings.log_format)
    if args.command == "rebuild":
        sys.exit(asyncio.run(_rebuild(service, settings, args.stage)))
    if args.command == "dead-letters":
        sys.exit(asyncio.run(_dead_letters(service, settings, args.stage or "list", args.ids or [])))
    stages = [service.stage(args.stage)] if args.stage else list(service.seed_stages)
    if args.command == "sdl":
        sys.stdout.write(service.schema.as_str() + "\n")
    elif args.command == "asyncapi":
        sys.stdout.write(json.dumps(asyncapi_document([service.catalogue]), indent=2) + "\n")
    elif args.command == "serve":
        serve(service.create_app(settings), settings)
    elif args.command == "migrate":
        upgrade(service.migrations, settings.database_url)
    elif args.command == "seed":
        asyncio.run(_seed(service, settings, stages, only_if_empty=False))
    elif args.command == "seed-if-empty":
        asyncio.run(_seed(service, settings, stages, only_if_empty=True))
    elif args.command == "republish":
        asyncio.run(_republish(service, settings, args.since, args.topic))
    elif args.command == "prepare":
        upgrade(service.migrations, settings.database_url)
        asyncio.run(_seed(service, settings, stages, only_if_empty=True))


async def _seed(
    service: ServiceDefinition, settings: ServiceSettings, stages: list[SeedStage], only_if_empty: bool
) -> None:
    runtime = service.build_runtime(settings)
    try:
        for stage in stages:
            if only_if_empty and await _has_events(runtime, stage.marks):
                logging.info("%s: the database already holds %s events: not seeding", stage.name, stage.marks)
                continue
            started = time.perf_counter()
            changes = await stage.run(runtime)
            logging.info("%s: seeded %d changes in %.1fs", stage.name, changes, time.perf_counter() - started)
    finally:
        await runtime.stop()


async def _republish(
    service: ServiceDefinition, settings: ServiceSettings, since: datetime | None, topics: list[str] | None
) -> None:
    runtime = service.build_runtime(settings)
    try:
        started = time.perf_counter()
        told = await republish(runtime, runtime.snapshots, since, topics)
        logging.info(
            "republish: %s in %.1fs; the relay sends them",
            ", ".join(f"{n} of {t}" for t, n in told.items()) or "nothing",
            time.perf_counter() - started,
        )
    finally:
        await runtime.stop()


async def _rebuild(service: ServiceDefinition, settings: ServiceSettings, name: str | None) -> int:
    runtime = service.build_runtime(settings)
    try:
        if name is None or name not in runtime.consumers:
            print(
                f"rebuild which read model? {service.name}'s consumers: {', '.join(runtime.consumers) or 'none'}",
                file=sys.stderr,
            )
            return 2

        def show(read: int, total: int) -> None:
            print(f"\r{name}: {read} of {total} records", end="", file=sys.stderr, flush=True)

        try:
            rebuilt = await rebuild(runtime.consumer(name), show)
        except RebuildRefused as refusal:
            print(f"{name}: not rebuilt: {refusal}", file=sys.stderr)
            return 1
        print(
            f"\n{name}: rebuilt from {rebuilt.records} records ({rebuilt.applied} applied, {rebuilt.skipped} "
            f"left out) in {rebuilt.seconds:.1f}s",
            file=sys.stderr,
        )
        return 0
    finally:
        await runtime.stop()


async def _dead_letters(service: ServiceDefinition, settings: ServiceSettings, action: str, ids: list[str]) -> int:
    if action not in ("list", "show", "replay") or (action == "show" and not ids):
        print("dead-letters list | show --id EVENT_ID | replay [--id EVENT_ID ...]", file=sys.stderr)
        return 2
    runtime = service.build_runtime(settings)
    try:
        letters = await read_dead_letters(runtime, [runtime.consumer(name) for name in runtime.consumers])
        if ids:
            letters = [letter for letter in letters if letter.event_id in ids]
            missing = set(ids) - {letter.event_id for letter in letters}
            if missing:
                print(f"no dead letter of {service.name} with id {', '.join(sorted(missing))}", file=sys.stderr)
                return 1
        if action == "replay":
            counts = await replay(runtime, letters)
            print(", ".join(f"{n} {what}" for what, n in counts.items()))
            return 0
        applied = await applied_since(runtime, letters)
        for letter in letters:
            was_applied = (letter.consumer, letter.event_id) in applied
            if action == "show":
                print(json.dumps(letter.details(was_applied), indent=2))
            else:
                print(json.dumps(letter.summary(was_applied)))
        if action == "list":
            print(f"{len(letters)} dead letter(s), {len(letters) - len(applied)} waiting", file=sys.stderr)
        return 0
    finally:
        await runtime.stop()


async def _has_events(runtime: ServiceRuntime, topic: str) -> bool:
    # Every change writes an event, so an outbox that ever held one of the topic's means its data exists.
    outbox = runtime.metadata.tables["outbox"]
    async with runtime.sessionmaker() as session:
        return (await session.scalar(select(outbox.c.seq).where(outbox.c.topic == topic).limit(1))) is not None
