"""The libraries make every wording shared.graphql.refusals matches, and each is told as the kind it is: an
upgrade of graphql-core or strawberry that rewords one fails here by name."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
import strawberry
from graphql import GraphQLError

from shared.graphql.limits import MAX_ALIASES, MAX_DEPTH, MAX_TOKENS, limit_extensions
from shared.graphql.refusals import INPUT_WORDING, LIMIT_WORDING, Refusal, ValueRefused, refusal_of
from shared.graphql.scalars import FINITE_DECIMAL
from shared.graphql.schema import build_schema


@strawberry.enum(description="A kind")
class Shade(Enum):
    DARK = "DARK"


@strawberry.input(description="An input")
class Window:
    size: int = strawberry.field(description="Its size")


@strawberry.type(description="A node that nests")
class Node:
    @strawberry.field(description="The next one")
    def next(self) -> Node:
        return Node()

    value: int = strawberry.field(default=1, description="A value")


@strawberry.type(description="Root")
class Query:
    @strawberry.field(description="Counts")
    def count(self, n: int) -> int:
        return n

    @strawberry.field(description="Shades")
    def shade(self, s: Shade) -> str:
        return s.value

    @strawberry.field(description="Takes")
    def take(self, w: Window) -> int:
        return w.size

    @strawberry.field(description="Sums")
    def amount(self, a: Decimal) -> str:
        return str(a)

    @strawberry.field(description="Nests")
    def node(self) -> Node:
        return Node()


SCHEMA = build_schema(query=Query)
# The same schema without our error mapping: the libraries' own words.
RAW = strawberry.Schema(query=Query, extensions=limit_extensions(), scalar_overrides={Decimal: FINITE_DECIMAL})

# Each wording, with an operation (and variables) the libraries refuse in those words, and the kind it is.
CASES: dict[str, tuple[str, dict[str, Any], Refusal]] = {
    "Document contains more than": ("{ " + "count(n: 1) " * MAX_TOKENS + "}", {}, Refusal.LIMIT),
    "exceeds maximum operation depth": (
        "{ node { " + "next { " * MAX_DEPTH + "value" + " }" * (MAX_DEPTH + 1) + " }",
        {},
        Refusal.LIMIT,
    ),
    "aliases found. Allowed": (
        "{ " + " ".join(f"a{n}: count(n: 1)" for n in range(MAX_ALIASES + 1)) + " }",
        {},
        Refusal.LIMIT,
    ),
    "Variable '$": ("query($n: Int!) { count(n: $n) }", {"n": "x"}, Refusal.INPUT),
    "Expected value of": ("{ count(n: null) }", {}, Refusal.INPUT),
    "cannot represent": ('{ count(n: "x") }', {}, Refusal.INPUT),
    "does not exist in": ("{ shade(s: LIGHT) }", {}, Refusal.INPUT),
}


def _errors(query: str, variables: dict[str, Any], schema: Any = SCHEMA) -> list[GraphQLError]:
    result = schema.execute_sync(query, variable_values=variables)
    assert result.errors, query
    return [error for error in result.errors]


def _code(error: GraphQLError) -> Any:
    return (error.extensions or {}).get("code")


def test_every_wording_matched_has_a_case() -> None:
    assert set(CASES) == set(LIMIT_WORDING) | set(INPUT_WORDING)


@pytest.mark.parametrize("wording", sorted(CASES))
def test_the_libraries_word_a_refusal_so_and_it_is_told_as_its_kind(wording: str) -> None:
    query, variables, kind = CASES[wording]
    raw = _errors(query, variables, RAW)
    assert any(wording in error.message for error in raw), [error.message for error in raw]
    assert {refusal_of(error) for error in raw} == {kind}
    assert {_code(error) for error in _errors(query, variables)} == {kind.value}


def test_a_document_that_does_not_parse_is_told_by_its_type() -> None:
    errors = _errors("{ count(n: 1) ", {})
    assert [_code(error) for error in errors] == [Refusal.PARSE.value]
    assert refusal_of(GraphQLError("Syntax Error: made up")) is Refusal.VALIDATION  # the wording alone is not a type


def test_a_value_our_scalars_refuse_is_input_by_its_type_as_a_literal_and_as_a_variable() -> None:
    for query, variables in (('{ amount(a: "abc") }', {}), ("query($a: Decimal!) { amount(a: $a) }", {"a": "NaN"})):
        errors = _errors(query, variables)
        assert [_code(error) for error in errors] == ["BAD_USER_INPUT"], [e.formatted for e in errors]
    assert refusal_of(ValueRefused("x")) is Refusal.INPUT


def test_an_input_object_variable_that_is_no_object_is_input() -> None:
    errors = _errors("query($w: Window!) { take(w: $w) }", {"w": 3})
    assert [_code(error) for error in errors] == ["BAD_USER_INPUT"]


def test_an_unknown_field_is_a_validation_failure() -> None:
    assert [_code(error) for error in _errors("{ nothing }", {})] == ["GRAPHQL_VALIDATION_FAILED"]
