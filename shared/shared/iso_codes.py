"""Country and currency codes checked against ISO 3166 and ISO 4217 (pycountry's tables), not only by shape."""

from __future__ import annotations

from functools import cache

import pycountry

from shared.errors import BadUserInput


@cache
def _countries() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


@cache
def _currencies() -> frozenset[str]:
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def check_country(code: str, field: str) -> str:
    """An ISO 3166 alpha-3 country code (a nation, an Ally, a partner), upper-cased."""
    code = code.strip().upper()
    if code not in _countries():
        raise BadUserInput(f"{code!r} is not an ISO 3166 alpha-3 country code", field=field)
    return code


def check_currency(code: str, field: str) -> str:
    code = code.strip().upper()
    if code not in _currencies():
        raise BadUserInput(f"{code!r} is not an ISO 4217 currency code, such as EUR", field=field)
    return code
