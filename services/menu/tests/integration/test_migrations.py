"""Replicas that migrate one empty database at the same moment all succeed, one after another."""

from __future__ import annotations

import asyncio
import sys

from menu.app import SERVICE

REPLICAS = 4
MIGRATE = "import sys; from shared.migrations import upgrade; upgrade(sys.argv[1], sys.argv[2])"


async def _migrate(url: str) -> tuple[int, bytes]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        MIGRATE,
        str(SERVICE.migrations),
        url,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), 120)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    return process.returncode or 0, output


async def test_concurrent_migrations_of_an_empty_database_all_succeed(postgres) -> None:  # type: ignore[no-untyped-def]
    for attempt in range(3):
        name = f"menu_race_{attempt}"
        postgres.create_databases([name])
        results = await asyncio.gather(*(_migrate(postgres.url(name)) for _ in range(REPLICAS)))
        assert [output.decode()[-500:] for code, output in results if code != 0] == [], name
