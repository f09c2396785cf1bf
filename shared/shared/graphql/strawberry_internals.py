"""The one place that reaches past strawberry's public API (shared/tests/unit/test_library_internals.py names
what it relies on, so an upgrade that moves it fails there by name).

- `resolve_info`: graphql-core's resolve info behind a strawberry `Info` (its field nodes and fragments tell
  which columns a selection needs; strawberry's `selected_fields` converts the whole selection on every call).
- `graphql_schema`: the graphql-core schema a strawberry schema built (validation rules and the probes walk it).
- `DEFINITION`: the key under which strawberry keeps its own field definition in a graphql-core field's
  extensions (the python name of a GraphQL field).
shared/graphql/executor.py reads the same key; it is left as it is until the compiled read path replaces it.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLResolveInfo, GraphQLSchema

DEFINITION = "strawberry-definition"


def resolve_info(info: strawberry.Info) -> GraphQLResolveInfo:  # type: ignore[type-arg]  # generic in stubs only
    return info._raw_info


def graphql_schema(schema: Any) -> GraphQLSchema:
    """The graphql-core schema of a strawberry schema."""
    return schema._schema


def python_name(field: Any) -> str:
    """The Python attribute name behind a graphql-core field strawberry built."""
    return str(field.extensions[DEFINITION].python_name)
