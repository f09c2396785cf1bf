"""Probes every argument of every root field of a subgraph with values a caller should never send.

Built from the schema itself, so a field added tomorrow is probed tomorrow without a new test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
)

# Plausible values for the scalars a leaf needs when it is not the one being probed.
SCALARS: dict[str, Any] = {
    "Int": 1,
    "Float": 1.0,
    "Boolean": True,
    "Date": "2030-01-01",
    "DateTime": "2030-01-01T00:00:00+00:00",
    "Decimal": "1",
}
TEXT = {"String", "ID"}


def probes(schema: GraphQLSchema, poison: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(coordinate, operation, variables) for each argument of each root field that holds text somewhere:
    every text leaf of the argument's value is `poison`, every other leaf plausible."""
    roots = [
        ("query", schema.query_type),
        ("mutation", schema.mutation_type),
        ("subscription", schema.subscription_type),
    ]
    for kind, root in roots:
        if root is None:
            continue
        for name, field in root.fields.items():
            for argument_name, argument in field.args.items():
                value, has_text = _value(argument.type, poison, schema)
                if not has_text:
                    continue
                others = {
                    n: _value(a.type, "x", schema)[0]
                    for n, a in field.args.items()
                    if n != argument_name and isinstance(a.type, GraphQLNonNull)
                }
                declared = ", ".join(
                    f"${n}: {a.type}" for n, a in field.args.items() if n == argument_name or n in others
                )
                passed = ", ".join(f"{n}: ${n}" for n in [argument_name, *others])
                operation = f"{kind}({declared}) {{ {name}({passed}){_selection(field)} }}"
                yield f"{root.name}.{name}({argument_name})", operation, {argument_name: value, **others}


def _selection(field: GraphQLField) -> str:
    return "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"


def _value(kind: GraphQLInputType, poison: str, schema: GraphQLSchema) -> tuple[Any, bool]:
    if isinstance(kind, GraphQLNonNull):
        return _value(kind.of_type, poison, schema)
    if isinstance(kind, GraphQLList):
        item, has_text = _value(kind.of_type, poison, schema)
        return [item], has_text
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values)), False
    if isinstance(kind, GraphQLInputObjectType):
        value, has_text = {}, False
        for name, field in kind.fields.items():
            value[name], inner = _value(field.type, poison, schema)
            has_text = has_text or inner
        return value, has_text
    assert isinstance(kind, GraphQLScalarType)
    if kind.name in TEXT:
        return poison, True
    if kind.name == "_Any":  # a federation representation: an entity's type and a poisoned key
        entity = schema.type_map["_Entity"].types[0]  # type: ignore[attr-defined]  # _Entity is a union type of the federation schema
        return {"__typename": entity.name, "id": poison, "iso": poison, "pcmRef": poison, "code": poison}, True
    return SCALARS.get(kind.name, "x"), False


# Every character the services refuse in text: C0 controls but tab and line breaks, and DEL.
CONTROL_CHARACTERS = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]]


async def control_character_failures(harness: Any) -> list[str]:
    """Sends every control character, inside otherwise plain text, to every text argument of every root field
    of the harness's subgraph; returns what was not refused as BAD_USER_INPUT (an internal error, a success)."""
    from shared.graphql.context import RequestContext
    from shared.graphql.strawberry_internals import graphql_schema

    failures = []
    for n, character in enumerate(CONTROL_CHARACTERS):
        poison = f"ab{character}c" if n % 2 else f"{character}x"
        for coordinate, operation, variables in probes(graphql_schema(harness.schema), poison):
            if operation.startswith("subscription"):
                context: RequestContext[Any] = RequestContext(harness.runtime)
                await context.sign_in(f"Bearer {await harness.token('staff')}")
                stream = await harness.schema.subscribe(operation, variable_values=variables, context_value=context)
                result = await anext(stream) if hasattr(stream, "__anext__") else stream
                await stream.aclose() if hasattr(stream, "aclose") else None
                codes = [e.extensions.get("code") for e in result.errors or []]
            else:
                codes = (await harness.graphql(operation, variables)).codes
            if codes != ["BAD_USER_INPUT"]:
                failures.append(f"{coordinate} with {character!r}: {codes or 'accepted'}")
    return failures
