"""The subgraph schema every service builds: federation 2.9, cached parse and validation, error codes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import strawberry
from strawberry.extensions import ParserCache, ValidationCache

from shared.graphql.errors import ErrorCodes

# The MIT composition library rejects 2.11, strawberry's default.
FEDERATION_VERSION: Literal["2.9"] = "2.9"


def build_schema(query: type, mutation: type | None = None, subscription: type | None = None,
                 types: Iterable[type] = ()) -> strawberry.federation.Schema:
    # Caches matter more than anything else for a list query's cost (see DESIGN.md).
    extensions: list[Any] = [ErrorCodes, ParserCache(maxsize=500), ValidationCache(maxsize=500)]
    return strawberry.federation.Schema(
        query=query, mutation=mutation, subscription=subscription, types=list(types),
        extensions=extensions, federation_version=FEDERATION_VERSION,
    )

