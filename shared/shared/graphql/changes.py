"""Partial-update inputs ("only the fields given change"), read the same way by every service."""

from __future__ import annotations

from typing import Any

import strawberry

from shared.errors import BadUserInput


def given(changes: object, nullable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields a partial-update input sets; null only where null means 'clear it' (`nullable`)."""
    result: dict[str, Any] = {}
    for name, value in vars(changes).items():
        if value is strawberry.UNSET:
            continue
        if value is None and name not in nullable:
            raise BadUserInput(f"{camel(name)} cannot be null", field=camel(name))
        result[name] = value
    return result


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
