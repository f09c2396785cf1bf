"""Log lines of every service and command: time, service, level, logger, message."""

from __future__ import annotations

import logging


def configure_logging(service: str, level: str | int = logging.INFO) -> None:
    logging.basicConfig(level=level, force=True,
                        format=f"%(asctime)s [{service}] %(levelname)s %(name)s: %(message)s")
    # aiokafka reports every reconnection attempt; our own workers say what matters once.
    logging.getLogger("aiokafka").setLevel(logging.ERROR)
