"""How much something matters to the partner or the Alliance: one vocabulary for every service."""

from __future__ import annotations

from enum import Enum


class Priority(str, Enum):
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"
