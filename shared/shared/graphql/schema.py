"""The subgraph schema every service builds: federation 2.9, cached parse and validation, error codes,
text checks on every argument, and a context of its own for each operation of a WebSocket."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Iterable
from decimal import Decimal
from typing import Any, Literal

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ValidationCache
from strawberry.types import ExecutionContext
from strawberry.types.execution import ExecutionResult, PreExecutionError

from shared.graphql.context import RequestContext
from shared.graphql.errors import ErrorCodes
from shared.graphql.executor import PlannedExecutor
from shared.graphql.limits import limit_extensions
from shared.graphql.list_sizes import declare_list_sizes
from shared.graphql.observed import OperationObserved
from shared.graphql.parsing import CachedParse
from shared.graphql.scalars import FINITE_DECIMAL
from shared.graphql.sign_in import RequireSignIn
from shared.graphql.text_arguments import RefuseControlCharacters

# The MIT composition library rejects 2.11, strawberry's default.
FEDERATION_VERSION: Literal["2.9"] = "2.9"


class SubgraphSchema(strawberry.federation.Schema):
    async def stream(  # type: ignore[override]  # strawberry's result union; ours yields its members
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        operation_extensions: dict[str, Any] | None = None,
        allowed_operation_types: Iterable[Any] | None = None,
    ) -> AsyncIterator[Any]:
        """Streams serve WebSocket operations: the connection's context is shared by all of them, so
        each gets its own (session, loaders, request id), closed when the operation ends."""
        if not isinstance(context_value, RequestContext):
            return await super().stream(
                query,
                variable_values,
                context_value,
                root_value,
                operation_name,
                operation_extensions,
                allowed_operation_types,
            )
        context = context_value.for_operation()
        results = await super().stream(
            query, variable_values, context, root_value, operation_name, operation_extensions, allowed_operation_types
        )
        return _closing_context(results, context)

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """ErrorCodes logs each error once, as one line unless it is unexpected."""


async def _closing_context(results: AsyncIterator[Any], context: RequestContext[Any]) -> AsyncGenerator[Any, None]:
    try:
        async for result in results:
            if isinstance(result, PreExecutionError):
                # Refused before it ran (a control character in an argument, say): sent as a result with
                # coded errors rather than a protocol error frame, which a gateway reports to its
                # client as an unexpected error and so loses the code.
                result = ExecutionResult(data=result.data, errors=result.errors, extensions=result.extensions)
            yield result
    finally:
        await results.aclose()  # type: ignore[attr-defined]  # strawberry's subscribe answers an async generator typed as an iterator
        await context.close()


def build_schema(
    query: type, mutation: type | None = None, subscription: type | None = None, types: Iterable[type] = ()
) -> SubgraphSchema:
    # Caches matter more than anything else for a list query's cost (see docs/design.md).
    # The text check runs after validation, so it sees a valid document and its variables.
    # Factories: a fresh extension per operation (strawberry shares the caches themselves by size).
    # OperationObserved comes first, so its timing and log fields wrap the others.
    extensions: list[Any] = [
        OperationObserved,
        ErrorCodes,
        *limit_extensions(),
        CachedParse,
        lambda: ValidationCache(maxsize=500),
        RequireSignIn,
        RefuseControlCharacters,
    ]
    declare_list_sizes([query, mutation, subscription, *types])
    return SubgraphSchema(
        query=query,
        mutation=mutation,
        subscription=subscription,
        types=list(types),
        extensions=extensions,
        federation_version=FEDERATION_VERSION,
        scalar_overrides={Decimal: FINITE_DECIMAL},
        execution_context_class=PlannedExecutor,
    )
