"""One place maps exceptions to GraphQL errors with `extensions.code`, and logs each error once.

Runs on each finished result (no per-field hook): once per query or mutation, and on
every message of a subscription. Domain errors keep their message and gain their code;
input the schema refused becomes BAD_USER_INPUT, naming the input path; a value the
database refused is BAD_USER_INPUT or CONFLICT; anything else is logged with its
traceback and the request id, and the caller sees only that id. No text from the
database driver or a stack ever reaches a response.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

from graphql import GraphQLError
from sqlalchemy import exc as sa_exc
from strawberry.extensions import SchemaExtension

from shared.db import database_unreachable
from shared.errors import DomainError, OutcomeUnknown, ServiceUnavailable
from shared.graphql.limits import STATEMENT_MILLISECONDS
from shared.graphql.refusals import Refusal, refusal_of
from shared.graphql.text_arguments import argument_paths, literal_path

log = logging.getLogger("shared.graphql")

# graphql-core names the variable; a gateway turns a client's literal into a variable named after
# the argument, so the message says the input path instead ("input.startDate: ...").
_VARIABLE_VALUE = re.compile(
    r"^Variable '\$(?P<name>\w+)' has invalid value(?: at (?P<at>[^:]+))?: (?P<why>.*)$", re.DOTALL
)
# SQLSTATE classes: 22 data exception (a value the column refuses), 23 integrity (a unique key race).
_VALUE_REFUSED, _INTEGRITY, _STATEMENT_TIMEOUT = "22", "23", "57014"
# 40001 serialization failure, 40P01 deadlock: two changes met; nothing was written and a retry succeeds.
_RACED = ("40001", "40P01")


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        self._map_result(self.execution_context.result)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        self._map_result(result)
        yield

    def _map_result(self, result: Any) -> None:
        if result is None or not getattr(result, "errors", None):
            return
        context = self.execution_context
        request_id = getattr(context.context, "request_id", None)
        document = context.graphql_document
        used_as = argument_paths(context.query, document) if document else {}

        def literal(error: GraphQLError) -> str | None:
            return literal_path(context.query, document, error) if document else None

        unreachable = _unreachable(context.context)
        result.errors = [coded(error, request_id, used_as, literal, unreachable) for error in result.errors]


def _unreachable(context: Any) -> Callable[[], DomainError]:
    """What to tell of a database that could not be reached: nothing happened, unless a change was sent."""
    runtime = getattr(context, "runtime", None)
    service = runtime.settings.service_name if runtime is not None else "the service"
    if getattr(context, "commit_sent", False):
        return lambda: OutcomeUnknown(service)
    return lambda: ServiceUnavailable(service)


def coded(
    error: GraphQLError,
    request_id: str | None,
    used_as: dict[str, str] | None = None,
    literal: Callable[[GraphQLError], str | None] | None = None,
    unreachable: Callable[[], DomainError] | None = None,
) -> GraphQLError:
    """The error as the caller sees it: a code always, a message only when it is the caller's to read.

    `used_as` maps the operation's variables to the arguments they fill, `literal` finds the argument of
    a refused literal, to name input paths as the schema does (a variable's own name is the caller's
    choice, or the gateway's; a gateway may pass a client's literal on as a variable or as a literal).
    `unreachable` says what a database that could not be reached means for this operation."""
    if error.extensions and "code" in error.extensions and error.original_error is None:
        return error  # already mapped (a subscription's last message passes twice)
    original = error.original_error
    if isinstance(original, DomainError):
        return _expected(error, request_id, error.message, {"code": original.code.value, **original.extensions})
    if original is None or isinstance(original, GraphQLError):
        refusal = refusal_of(error)
        if refusal is Refusal.INPUT:
            message, field = _input_message(error, used_as or {}, literal)
            return _expected(error, request_id, message, {"code": refusal.value, "field": field})
        return _expected(error, request_id, error.message, {"code": refusal.value})
    if database_unreachable(original):
        told = (unreachable or (lambda: ServiceUnavailable("the service")))()
        return _expected(error, request_id, told.message, {"code": told.code.value, **told.extensions})
    sqlstate = _sqlstate(original)
    if sqlstate == _STATEMENT_TIMEOUT:
        return _expected(
            error,
            request_id,
            f"a database statement took longer than {STATEMENT_MILLISECONDS} ms and was stopped",
            {"code": "OPERATION_LIMIT_EXCEEDED"},
        )
    if sqlstate is not None and sqlstate.startswith(_VALUE_REFUSED):
        # The database refused a value the checks let through: still the caller's input.
        return _expected(error, request_id, "a value is out of range or not allowed", {"code": "BAD_USER_INPUT"})
    if sqlstate in _RACED:
        return _expected(
            error,
            request_id,
            "the change met another one at the same moment; nothing was written: try again",
            {"code": "CONFLICT", "retryable": True},
        )
    if sqlstate is not None and sqlstate.startswith(_INTEGRITY):
        # Two changes raced for the same unique value; the loser is told, nothing was written.
        return _expected(
            error,
            request_id,
            "the change conflicts with data that now exists; reload and try again",
            {"code": "CONFLICT"},
        )
    log.error("unexpected error (request %s) at %s", request_id, _where(error), exc_info=original)
    return _with(error, "Internal server error", {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id})


def _expected(error: GraphQLError, request_id: str | None, message: str, extensions: dict[str, Any]) -> GraphQLError:
    # The caller's mistake, not ours: one line, no traceback.
    log.info("request %s: %s at %s: %s", request_id, extensions["code"], _where(error), message)
    return _with(error, message, {k: v for k, v in extensions.items() if v is not None})


def _input_message(
    error: GraphQLError, used_as: dict[str, str], literal: Callable[[GraphQLError], str | None] | None
) -> tuple[str, str | None]:
    found = _VARIABLE_VALUE.match(error.message)
    path: str | None
    if found is not None:
        path = used_as.get(found["name"], found["name"]) + (found["at"] or "").strip()
        why = found["why"]
    else:
        path = literal(error) if literal is not None else None
        if path is None:
            return error.message, None
        why = error.message
    # A mutation's input fields are named as forms name them ("feeEur"), as the rules name them too.
    field = path.removeprefix("input.")
    return f"{field}: {why}", field


def _sqlstate(error: BaseException) -> str | None:
    if isinstance(error, sa_exc.DataError):
        return _VALUE_REFUSED
    if isinstance(error, sa_exc.IntegrityError):
        return _INTEGRITY
    if not isinstance(error, sa_exc.DBAPIError):
        # A read run by the driver itself (shared.reads) raises the driver's own error.
        state = getattr(error, "sqlstate", None)
        return state if isinstance(state, str) else None
    driver_error = error.orig
    for candidate in (driver_error, getattr(driver_error, "__cause__", None)):
        state = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(state, str):
            return state
    return None


def _where(error: GraphQLError) -> str:
    return ".".join(str(p) for p in error.path) if error.path else "(operation)"


def _with(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )
