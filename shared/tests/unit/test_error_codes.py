"""One mapping of exceptions to GraphQL errors: domain errors keep their message and gain a code;
database refusals of input are the caller's; anything else is masked."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from enum import Enum
from typing import Any

import asyncpg
import pytest
import strawberry
from sqlalchemy import exc as sa_exc

from shared.errors import BadUserInput, Conflict, NotFound
from shared.graphql.schema import build_schema


@strawberry.enum
class Kind(Enum):
    COURSE = "COURSE"


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

    @strawberry.field
    def refused_by_driver(self) -> int:
        # What asyncpg's refusal of a NUL byte looks like once SQLAlchemy wraps it: a generic DBAPIError.
        raise sa_exc.DBAPIError("SELECT ... WHERE pcm_ref = $1", {}, DriverError("22021", "invalid byte sequence"))

    @strawberry.field
    def refused_by_driver_alone(self) -> int:
        # A read run by asyncpg itself (shared.reads): the driver's own error, unwrapped.
        raise asyncpg.exceptions.CharacterNotInRepertoireError("invalid byte sequence for encoding")

    @strawberry.field
    def too_slow_for_the_driver(self) -> int:
        raise asyncpg.exceptions.QueryCanceledError("canceling statement due to statement timeout")

    @strawberry.field
    def database_away(self) -> int:
        raise sa_exc.DBAPIError("SELECT 1", {}, DriverError("57P01", "terminating connection (secret host)"))

    @strawberry.field
    def choose(self, kind: Kind) -> int:
        return 1


class DriverError(Exception):
    def __init__(self, sqlstate: str, message: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def ticks(self, fail_with: str) -> AsyncGenerator[int, None]:
        yield 1
        if fail_with == "input":
            raise BadUserInput("not that", field="failWith")
        raise sa_exc.OperationalError("SELECT secret FROM pg_catalog", {}, Exception("connection to 10.0.0.7 lost"))


SCHEMA = build_schema(query=Query, subscription=Subscription)


def errors(query: str) -> list[dict[str, Any]]:
    result = SCHEMA.execute_sync(query)
    return [dict(error.formatted) for error in result.errors or []]


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


def test_a_driver_refusal_of_a_value_is_bad_input_and_a_database_away_is_unavailable_and_retryable() -> None:
    assert errors("{ refusedByDriver }")[0]["extensions"] == {"code": "BAD_USER_INPUT"}
    [away] = errors("{ databaseAway }")  # an administrator's shutdown (57P01): nothing was done
    assert away["extensions"]["code"] == "SERVICE_UNAVAILABLE" and away["extensions"]["retryable"] is True
    assert "secret" not in str(away) and "57P01" not in str(away)


def test_the_drivers_own_errors_are_coded_as_when_sqlalchemy_wraps_them() -> None:
    assert errors("{ refusedByDriverAlone }")[0]["extensions"] == {"code": "BAD_USER_INPUT"}
    [slow] = errors("{ tooSlowForTheDriver }")
    assert slow["extensions"] == {"code": "OPERATION_LIMIT_EXCEEDED"} and "canceling" not in slow["message"]


def test_a_refused_variable_names_the_input_path_not_a_variable() -> None:
    result = SCHEMA.execute_sync("query($k: Kind!) { choose(kind: $k) }", variable_values={"k": "LECTURE"})
    [error] = [e.formatted for e in result.errors or []]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "kind"}
    assert error["message"].startswith("kind: ") and "$" not in error["message"]


async def test_each_message_of_a_subscription_carries_a_code_and_hides_internal_text() -> None:
    for fail_with, code in (("input", "BAD_USER_INPUT"), ("database", "INTERNAL_SERVER_ERROR")):
        stream = await SCHEMA.subscribe(f'subscription {{ ticks(failWith: "{fail_with}") }}')
        messages = [message async for message in stream]  # type: ignore[union-attr]
        assert messages[0].data == {"ticks": 1}
        [error] = [e.formatted for e in messages[-1].errors or []]
        assert error["extensions"]["code"] == code
        assert "secret" not in str(error) and "10.0.0.7" not in str(error)


def test_an_expected_error_is_logged_as_one_line_and_an_unexpected_one_with_its_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="shared.graphql"):
        errors("{ bad }")
        errors("{ broken }")
    expected, unexpected = caplog.records
    assert expected.levelno == logging.INFO and expected.exc_info is None
    assert "BAD_USER_INPUT" in expected.getMessage() and "\n" not in expected.getMessage()
    assert unexpected.levelno == logging.ERROR and unexpected.exc_info is not None
    assert not [r for r in caplog.records if r.name.startswith("strawberry")]  # nothing logged twice


def test_a_message_quoting_a_huge_value_is_cut() -> None:
    from shared.graphql.ids import parse_id

    try:
        parse_id("x" * 100_000)
    except BadUserInput as refused:
        assert len(refused.message) < 400 and refused.message.endswith("(cut)")
    else:
        raise AssertionError("a malformed id was accepted")
