"""Serving GraphQL types straight from ORM rows.

Resolvers return SQLAlchemy objects and default resolvers read their attributes,
which is the cheapest path. Where GraphQL must tell which type an object is (the
federation `_entities` union), the type declares which row class backs it.
"""

from __future__ import annotations

from typing import Any

from shared.views import RowView


def served_from(*models: type) -> classmethod:  # type: ignore[type-arg]  # classmethod's type arguments are strawberry's is_type_of signature
    """The type's objects are its own, rows of these models, or views of their rows (shared.views)."""
    known: dict[tuple[type, type], bool] = {}  # (GraphQL class, object's class) -> answer: asked per list item

    def is_type_of(cls: type, obj: Any, _info: Any) -> bool:
        kind = type(obj)
        answer = known.get((cls, kind))
        if answer is None:
            answer = known[(cls, kind)] = issubclass(kind, (cls, *models)) or (
                issubclass(kind, RowView) and obj.model in models
            )
        return answer

    return classmethod(is_type_of)
