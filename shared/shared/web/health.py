"""Probes and status: `/healthz` (alive), `/readyz` (can serve: the database answers), `/status` (details).

Readiness depends on the database alone and answers at once, from the database watch (shared.database_watch),
whatever the database does: reads need nothing else,
and writes wait in the outbox while the broker is away, so a broker outage must not take every replica
out of service. The broker, the outbox and the consumers are reported by `/status` and by metrics.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import text

from shared.runtime import ServiceRuntime
from shared.tracing import tracing_enabled

# Kubernetes' default probe timeout is 1 s: answer before it, whatever the database does.
READY_SECONDS = 0.8


def add_health_routes(app: FastAPI, runtime: ServiceRuntime) -> None:
    @app.get("/healthz", tags=["health"], summary="The process is alive")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(
        "/readyz",
        tags=["health"],
        summary="The service can serve: its database answers",
        responses={503: {"description": "the database does not answer"}},
    )
    async def readyz() -> JSONResponse:
        database = await _database(runtime)
        return JSONResponse(
            {"status": "ok" if database == "ok" else "unavailable", "checks": {"database": database}},
            status_code=200 if database == "ok" else 503,
        )

    @app.get("/status", tags=["health"], summary="The database, the broker, the outbox and the consumers")
    async def status() -> dict[str, Any]:
        database = await _database(runtime)
        broker = runtime.broker_watch.state
        outbox = await _outbox(runtime) if database == "ok" else None
        degraded = database != "ok" or broker.up is False
        return {
            "status": "degraded" if degraded else "ok",
            "service": runtime.settings.service_name,
            "tracing": tracing_enabled(),
            "database": database,
            "broker": broker.as_json(),
            "outbox": outbox,
            "consumers": {consumer.name: consumer.state() for consumer in runtime.running_consumers},
            "liveFeeds": runtime.live.state(),
        }


async def _database(runtime: ServiceRuntime) -> str:
    """As the database watch last found it (asked every quarter second): a probe never waits on the database
    longer than its own bound (asked once, if the watch has not asked yet)."""
    watch = runtime.database_watch
    if watch.up is None:
        await asyncio.wait({asyncio.ensure_future(watch.check())}, timeout=READY_SECONDS)
    return watch.state()


async def _outbox(runtime: ServiceRuntime) -> dict[str, Any] | None:
    statement = text("SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL")

    async def ask() -> Any:
        async with runtime.probe_engine.connect() as connection:
            return (await connection.execute(statement)).one()

    asking = asyncio.ensure_future(ask())
    # Not wait_for: it waits for the cancelled call to end, which a database that does not answer delays.
    done, _ = await asyncio.wait({asking}, timeout=READY_SECONDS)
    if asking not in done:
        asking.cancel()
        asking.add_done_callback(lambda task: task.cancelled() or task.exception())
        return None
    if asking.exception() is not None:
        return None
    unsent, oldest = asking.result()
    age = None if oldest is None else round(time.time() - oldest.timestamp(), 3)
    return {"unsent": unsent, "oldestUnsentSeconds": age}
