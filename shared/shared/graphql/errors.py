"""One place maps exceptions to GraphQL errors with `extensions.code`.

Runs once per operation on the finished result (no per-field hook): domain errors
keep their message and gain their code; input the schema refused becomes
BAD_USER_INPUT; anything unexpected is logged with the request id and masked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from sqlalchemy import exc as sa_exc
from strawberry.extensions import SchemaExtension

from shared.errors import DomainError

log = logging.getLogger("shared.graphql")

_INPUT_MARKERS = ("Variable '$", "Expected value of type", "Expected type", "got invalid value",
                  "Int cannot represent", "Float cannot represent", "ID cannot represent",
                  "String cannot represent", "Boolean cannot represent", "does not exist in",
                  "Value cannot represent", "cannot represent")


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not getattr(result, "errors", None):
            return
        result.errors = [self._map(error) for error in result.errors]

    def _map(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, DomainError):
            return _with(error, error.message, {"code": original.code.value, **original.extensions})
        if original is None or isinstance(original, GraphQLError):
            if error.extensions and "code" in error.extensions:
                return error
            code = "BAD_USER_INPUT" if any(m in error.message for m in _INPUT_MARKERS) else "GRAPHQL_VALIDATION_FAILED"
            return _with(error, error.message, {"code": code})
        if isinstance(original, sa_exc.DataError):
            # The database refused a value the checks let through: still the caller's input.
            return _with(error, "a value is out of range or not allowed", {"code": "BAD_USER_INPUT"})
        if isinstance(original, sa_exc.IntegrityError):
            # Two changes raced for the same unique value; the loser is told, nothing was written.
            return _with(error, "the change conflicts with data that now exists; reload and try again",
                         {"code": "CONFLICT"})
        request_id = getattr(self.execution_context.context, "request_id", None)
        log.error("unexpected error (request %s) at %s", request_id, error.path, exc_info=original)
        return _with(error, "Internal server error", {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id})


def _with(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(message, nodes=error.nodes, source=error.source, positions=error.positions,
                        path=error.path, original_error=None, extensions=extensions)
