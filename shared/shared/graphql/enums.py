"""Domain enums registered with strawberry, every value described, without the domain importing strawberry."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def described_enum(cls: E, description: str, values: Mapping[str, str], name: str | None = None) -> E:
    """`strawberry.enum(cls)` with a description for each value, named by the member's name; a member left
    undescribed (or a description of no member) fails at import, before a schema is ever built."""
    members = {member.name for member in cls}
    if members != set(values):
        raise ValueError(
            f"{cls.__name__}: describe exactly its values; missing {sorted(members - set(values))}, "
            f"unknown {sorted(set(values) - members)}"
        )
    strawberry.enum(cls, name=name, description=description)
    for value in cls.__strawberry_definition__.values:  # type: ignore[attr-defined]  # strawberry sets __strawberry_definition__ when it decorates
        value.description = values[value.name]
    return cls
