"""What kind of refusal an error of graphql-core or strawberry is, for its `extensions.code`.

By type where the library gives one: a `GraphQLSyntaxError` is a document that does not parse. Where it gives
none (validation rules, variable coercion, strawberry's depth and alias limiters and graphql-core's token limit
all report a plain GraphQLError, the token limit as a syntax error), by its wording, here and nowhere else:
shared/tests/unit/test_refusal_wording.py makes the libraries produce every wording below, so an upgrade that
rewords one fails there by name rather than turning a caller's mistake into another code.
"""

from __future__ import annotations

from enum import Enum

from graphql import GraphQLError, GraphQLSyntaxError


class ValueRefused(GraphQLError):
    """A value one of our scalars refuses (a Decimal that is not a finite number): the caller's input, by type.
    graphql-core reports it as it is for a literal, and wraps it (as `original_error`) for a variable."""


class Refusal(str, Enum):
    LIMIT = "OPERATION_LIMIT_EXCEEDED"
    PARSE = "GRAPHQL_PARSE_FAILED"
    INPUT = "BAD_USER_INPUT"
    VALIDATION = "GRAPHQL_VALIDATION_FAILED"


# The limits: graphql-core's token limit (aborting the parse), strawberry's depth and alias limiters.
LIMIT_WORDING = ("Document contains more than", "exceeds maximum operation depth", "aliases found. Allowed")
# A value the schema refuses, as a variable or as a literal (graphql-core's coercion of variables and its
# ValuesOfCorrectTypeRule).
INPUT_WORDING = ("Variable '$", "Expected value of", "cannot represent", "does not exist in")


def refusal_of(error: GraphQLError) -> Refusal:
    """The kind of a refusal made before any resolver ran (parse, validation, coercion of variables)."""
    message = error.message
    if any(wording in message for wording in LIMIT_WORDING):
        return Refusal.LIMIT
    if isinstance(error, GraphQLSyntaxError):
        return Refusal.PARSE
    if isinstance(error, ValueRefused) or isinstance(error.original_error, ValueRefused):
        return Refusal.INPUT
    if any(wording in message for wording in INPUT_WORDING):
        return Refusal.INPUT
    return Refusal.VALIDATION
