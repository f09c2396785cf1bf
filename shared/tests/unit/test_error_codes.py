"""One mapping of exceptions to GraphQL errors: domain errors keep their message and gain a code;
database refusals of input are the caller's; anything else is masked."""

from __future__ import annotations

import strawberry
from sqlalchemy import exc as sa_exc

from shared.errors import BadUserInput, Conflict, NotFound
from shared.graphql.schema import build_schema


@strawberry.type
class Query:
    @strawberry.field
    def bad(self) -> int:
        raise BadUserInput("title must not be empty", field="title")

    @strawberry.field
    def missing(self) -> int:
        raise NotFound("Activity", "42")

    @strawberry.field
    def stale(self) -> int:
        raise Conflict("reload", actualVersion=3)

    @strawberry.field
    def refused(self) -> int:
        raise sa_exc.DataError("INSERT ...", {}, Exception("invalid byte sequence"))

    @strawberry.field
    def raced(self) -> int:
        raise sa_exc.IntegrityError("INSERT ...", {}, Exception("duplicate key"))

    @strawberry.field
    def broken(self) -> int:
        raise RuntimeError("secret details")


SCHEMA = build_schema(query=Query)


def errors(query: str) -> list[dict]:  # type: ignore[type-arg]
    result = SCHEMA.execute_sync(query)
    return [error.formatted for error in result.errors or []]


def test_domain_errors_carry_their_code_and_field() -> None:
    [error] = errors("{ bad }")
    assert error["message"] == "title must not be empty"
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "title"}
    assert errors("{ missing }")[0]["extensions"] == {"code": "NOT_FOUND"}
    assert errors("{ stale }")[0]["extensions"] == {"code": "CONFLICT", "actualVersion": 3}


def test_database_refusals_are_the_callers_input_or_a_conflict() -> None:
    assert errors("{ refused }")[0]["extensions"] == {"code": "BAD_USER_INPUT"}
    assert errors("{ raced }")[0]["extensions"] == {"code": "CONFLICT"}


def test_anything_else_is_masked_with_a_request_id() -> None:
    [error] = errors("{ broken }")
    assert error["message"] == "Internal server error" and "secret" not in str(error)
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"


def test_queries_the_schema_refuses_say_so() -> None:
    assert errors("{ nope }")[0]["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
