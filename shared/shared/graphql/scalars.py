"""Scalars every subgraph reads the same way."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import strawberry


def _finite_decimal(value: Any) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"{value!r} is not a decimal number") from exc
    if not number.is_finite():  # NaN and Infinity would break every comparison a rule makes
        raise ValueError(f"{value!r} is not a finite decimal number")
    return number


FINITE_DECIMAL = strawberry.scalar(Decimal, name="Decimal", description="A finite decimal number, as a string",
                                   serialize=str, parse_value=_finite_decimal)
