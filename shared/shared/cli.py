"""One command line for every service: serve, migrate, seed, prepare (migrate, then seed if empty),
sdl (its subgraph schema) and asyncapi (its event catalogue)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time

from sqlalchemy import select

from shared.definition import ServiceDefinition
from shared.events.catalogue import asyncapi_document
from shared.migrations import upgrade
from shared.runtime import ServiceRuntime
from shared.settings import ServiceSettings
from shared.web.serve import serve


def main(service: ServiceDefinition, argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=service.name)
    parser.add_argument("command", choices=["serve", "migrate", "seed", "seed-if-empty", "prepare", "sdl", "asyncapi"])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format=f"[{service.name}] %(message)s")
    settings = service.settings()
    if args.command == "sdl":
        sys.stdout.write(service.schema.as_str() + "\n")
    elif args.command == "asyncapi":
        sys.stdout.write(json.dumps(asyncapi_document([service.catalogue]), indent=2) + "\n")
    elif args.command == "serve":
        serve(service.create_app(settings), settings)
    elif args.command == "migrate":
        upgrade(service.migrations, settings.database_url)
    elif args.command == "seed":
        asyncio.run(_seed(service, settings, only_if_empty=False))
    elif args.command == "seed-if-empty":
        asyncio.run(_seed(service, settings, only_if_empty=True))
    elif args.command == "prepare":
        upgrade(service.migrations, settings.database_url)
        asyncio.run(_seed(service, settings, only_if_empty=True))


async def _seed(service: ServiceDefinition, settings: ServiceSettings, only_if_empty: bool) -> None:
    if service.seed is None:
        return
    runtime = service.build_runtime(settings)
    try:
        if only_if_empty and await _has_events(runtime):
            logging.info("database already holds data: not seeding")
            return
        started = time.perf_counter()
        changes = await service.seed(runtime)
        logging.info("seeded %d changes in %.1fs", changes, time.perf_counter() - started)
    finally:
        await runtime.stop()


async def _has_events(runtime: ServiceRuntime) -> bool:
    # Every change writes an event, so an outbox that ever held a row means data exists.
    outbox = runtime.metadata.tables["outbox"]
    async with runtime.sessionmaker() as session:
        return (await session.scalar(select(outbox.c.seq).limit(1))) is not None
