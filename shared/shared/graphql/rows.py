"""Serving GraphQL types straight from ORM rows.

Resolvers return SQLAlchemy objects and default resolvers read their attributes,
which is the cheapest path. Where GraphQL must tell which type an object is (the
federation `_entities` union), the type declares which row class backs it.
"""

from __future__ import annotations

from typing import Any


def served_from(*models: type) -> classmethod:  # type: ignore[type-arg]
    def is_type_of(cls: type, obj: Any, _info: Any) -> bool:
        return isinstance(obj, (cls, *models))

    return classmethod(is_type_of)
