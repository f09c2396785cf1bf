"""Probes and status: `/healthz` (alive), `/readyz` (can serve: the database answers), `/status` (details).

Readiness depends on the database alone and answers within a probe's timeout: reads need nothing else,
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

    @app.get("/readyz", tags=["health"], summary="The service can serve: its database answers",
             responses={503: {"description": "the database does not answer"}})
    async def readyz() -> JSONResponse:
        database = await _database(runtime)
        return JSONResponse({"status": "ok" if database == "ok" else "unavailable", "checks": {"database": database}},
                            status_code=200 if database == "ok" else 503)

    @app.get("/status", tags=["health"], summary="The database, the broker, the outbox and the consumers")
    async def status() -> dict[str, Any]:
        database = await _database(runtime)
        broker = runtime.broker_watch.state
        outbox = await _outbox(runtime) if database == "ok" else None
        degraded = database != "ok" or broker.up is False
        return {"status": "degraded" if degraded else "ok", "service": runtime.settings.service_name,
                "tracing": tracing_enabled(),
                "database": database, "broker": broker.as_json(), "outbox": outbox,
                "consumers": {consumer.name: consumer.state() for consumer in runtime.running_consumers}}


async def _database(runtime: ServiceRuntime) -> str:
    async def ask() -> None:
        async with runtime.probe_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    try:
        await asyncio.wait_for(ask(), READY_SECONDS)
        return "ok"
    except TimeoutError:
        return f"unavailable: no answer within {READY_SECONDS} s"
    except Exception as exc:
        return f"unavailable: {type(exc).__name__}"


async def _outbox(runtime: ServiceRuntime) -> dict[str, Any] | None:
    statement = text("SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL")

    async def ask() -> Any:
        async with runtime.probe_engine.connect() as connection:
            return (await connection.execute(statement)).one()
    try:
        unsent, oldest = await asyncio.wait_for(ask(), READY_SECONDS)  # the connection's wait included
    except Exception:
        return None
    age = None if oldest is None else round(time.time() - oldest.timestamp(), 3)
    return {"unsent": unsent, "oldestUnsentSeconds": age}
