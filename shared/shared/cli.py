"""One command line for every service: serve, migrate, seed [STAGE], seed-if-empty [STAGE], prepare
(migrate, then every seed stage not yet run), sdl (its subgraph schema) and asyncapi (its event catalogue)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time

from sqlalchemy import select

from shared.definition import SeedStage, ServiceDefinition
from shared.events.catalogue import asyncapi_document
from shared.logs import configure_logging
from shared.migrations import upgrade
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings
from shared.web.serve import serve


def main(service: ServiceDefinition, argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=service.name)
    parser.add_argument("command", choices=["serve", "migrate", "seed", "seed-if-empty", "prepare", "sdl", "asyncapi"])
    parser.add_argument("stage", nargs="?", help="a seed stage (seed, seed-if-empty); all stages when left out")
    args = parser.parse_args(argv)
    settings = service.settings()
    configure_logging(service.name, settings.log_level, settings.log_format)
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
    elif args.command == "prepare":
        upgrade(service.migrations, settings.database_url)
        asyncio.run(_seed(service, settings, stages, only_if_empty=True))


async def _seed(service: ServiceDefinition, settings: ServiceSettings, stages: list[SeedStage],
                only_if_empty: bool) -> None:
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


async def _has_events(runtime: ServiceRuntime, topic: str) -> bool:
    # Every change writes an event, so an outbox that ever held one of the topic's means its data exists.
    outbox = runtime.metadata.tables["outbox"]
    async with runtime.sessionmaker() as session:
        return (await session.scalar(select(outbox.c.seq).where(outbox.c.topic == topic).limit(1))) is not None
