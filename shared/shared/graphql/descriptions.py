"""Describing a type's fields from one mapping, so a fact reads the same wherever the field appears.

An activity's `title` is a field of `Activity`, `ActivityInput` and `ActivityChanges`: one mapping of
descriptions (by Python name) describes all three. A field described where it is declared keeps its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

T = TypeVar("T", bound=type)


def described(texts: Mapping[str, str]) -> Callable[[T], T]:
    """Put on top of `@strawberry.type` or `@strawberry.input`: each field not yet described takes its text."""

    def apply(cls: T) -> T:
        for field in cls.__strawberry_definition__.fields:  # type: ignore[attr-defined]  # strawberry sets __strawberry_definition__ when it decorates
            if field.description is None and field.python_name in texts:
                field.description = texts[field.python_name]
        return cls

    return apply
