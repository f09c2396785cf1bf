"""How much something matters to the partner or the Alliance: one vocabulary for every service."""

from __future__ import annotations

from enum import Enum

from shared.graphql.enums import described_enum


class Priority(str, Enum):
    HIGH = "HIGH"
    MEDIUM = "MEDIUM"
    LOW = "LOW"


described_enum(
    Priority,
    "How much it matters: HIGH, MEDIUM or LOW",
    {"HIGH": "Matters most", "MEDIUM": "Matters", "LOW": "Matters least"},
)
