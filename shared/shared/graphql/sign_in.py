"""Every operation needs a signed-in caller; in production the schema is not introspectable.

Runs once per operation after validation (like the text check), before anything executes. A
schema executed without a request context (a unit test's) has no caller to check.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, NoSchemaIntrospectionCustomRule, validate
from strawberry.extensions import SchemaExtension

from shared.auth import ANONYMOUS, Role
from shared.errors import Forbidden, Unauthenticated
from shared.graphql.context import RequestContext
from shared.graphql.strawberry_internals import graphql_schema


class RequireSignIn(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        execution = self.execution_context
        context = execution.context
        if isinstance(context, RequestContext) and not execution.pre_execution_errors:
            refusal: Exception | None = None
            if context.actor is ANONYMOUS:
                refusal = Unauthenticated(
                    context.auth_problem or "sign in: every operation needs an access token (Authorization: Bearer ...)"
                )
            elif not context.actor.signed_in:  # a valid token, for an account with no role here
                refusal = Forbidden(
                    "the access token names none of the roles "
                    f"{', '.join(role.value for role in Role)} (claim "
                    f"{context.runtime.settings.oidc_roles_claim}): ask for one"
                )
            if refusal is not None:
                execution.pre_execution_errors = [GraphQLError(str(refusal), original_error=refusal)]
            elif (
                context.runtime.settings.production
                and execution.graphql_document is not None
                and validate(
                    graphql_schema(execution.schema), execution.graphql_document, [NoSchemaIntrospectionCustomRule]
                )
            ):
                refusal = Forbidden("introspection is off in production: use the published schema")
                execution.pre_execution_errors = [GraphQLError(str(refusal), original_error=refusal)]
        yield
