"""Scalars every subgraph reads the same way."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

import strawberry

from shared.graphql.refusals import ValueRefused


def _finite_decimal(value: Any) -> Decimal:
    # A GraphQLError, so that a literal in the document is refused as the caller's input (graphql-core
    # reports anything else from a literal as an internal failure); the message quotes the value as the
    # document writes it, which names its argument (shared.graphql.text_arguments.literal_path).
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueRefused(f"{json.dumps(str(value))} is not a decimal number") from exc
    if not number.is_finite():  # NaN and Infinity would break every comparison a rule makes
        raise ValueRefused(f"{json.dumps(str(value))} is not a finite decimal number")
    return number


FINITE_DECIMAL = strawberry.scalar(
    Decimal,
    name="Decimal",
    description="A finite decimal number, as a string",
    serialize=str,
    parse_value=_finite_decimal,
)
