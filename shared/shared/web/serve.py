"""Run a service under uvicorn on its configured host and port."""

from __future__ import annotations

import gc

import uvicorn
from fastapi import FastAPI
from prometheus_client import start_http_server

from shared.logs import configure_logging
from shared.settings import ServiceSettings
from shared.tracing import configure_tracing


def serve(app: FastAPI, settings: ServiceSettings) -> None:
    configure_logging(settings.service_name, settings.log_level, settings.log_format)
    configure_tracing(settings.service_name, app.state.runtime.engine)
    # What the process built to start (schema, mappers, compiled plans) lives as long as it does: out of
    # the collector's sight, so a full collection no longer walks it while requests wait (it cost
    # tens of milliseconds a time), and young collections run less often.
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)
    if settings.metrics_port:
        start_http_server(settings.metrics_port, addr=settings.host)
    # log_config=None: uvicorn's own lines go through our JSON handler, not a text one of its own.
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", log_config=None, access_log=False)
