"""Run a service under uvicorn on its configured host and port."""

from __future__ import annotations

import logging

import uvicorn
from fastapi import FastAPI

from shared.settings import ServiceSettings


def serve(app: FastAPI, settings: ServiceSettings) -> None:
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("aiokafka").setLevel(logging.ERROR)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning",
                access_log=False)
