"""Ids are `ID!` holding the plain UUID string, the same in events, keys and every subgraph."""

from __future__ import annotations

import uuid

from shared.errors import BadUserInput


def parse_id(value: object, field: str = "id") -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise BadUserInput(f"{field} is not a valid id: {value!r}", field=field) from exc
