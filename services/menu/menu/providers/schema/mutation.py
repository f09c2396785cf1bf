"""The providers' part of Mutation: each opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.providers import use_cases
from menu.providers.schema.inputs import NULLABLE_PROVIDER_FIELDS, ProviderChanges, ProviderCode, ProviderInput
from menu.types import Provider
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.changes import given


@strawberry.type(description="Changing providers")
class ProvidersMutation:
    @strawberry.mutation(
        description="Register an ACTIVE provider under a new code; activities are then created "
        "under it (CODE.number). Staff only."
    )
    async def register_provider(
        self, info: strawberry.Info, input: Annotated[ProviderInput, strawberry.argument(description="The provider")]
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await use_cases.register_provider(uow, input.code, input.details())

    @strawberry.mutation(
        description="Change an ACTIVE or SUSPENDED provider; a new name or kind is copied to its "
        "activities. Staff; a provider its own contact details, city and website."
    )
    async def update_provider(
        self,
        info: strawberry.Info,
        code: ProviderCode,
        input: Annotated[ProviderChanges, strawberry.argument(description="What changes")],
        expected_version: ExpectedVersion = None,
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_provider(uow, code, given(input, NULLABLE_PROVIDER_FIELDS), expected_version)

    @strawberry.mutation(description="ACTIVE -> SUSPENDED, with a reason: it takes no new activities. Staff only.")
    async def suspend_provider(
        self, info: strawberry.Info, code: ProviderCode, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_provider(uow, code, "suspended", reason, expected_version)

    @strawberry.mutation(description="SUSPENDED -> ACTIVE, with a reason. Staff only.")
    async def reinstate_provider(
        self, info: strawberry.Info, code: ProviderCode, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_provider(uow, code, "reinstated", reason, expected_version)

    @strawberry.mutation(
        description="ACTIVE or SUSPENDED -> CLOSED, with a reason: it offers no more activities; "
        "those it has stay. Staff only."
    )
    async def close_provider(
        self, info: strawberry.Info, code: ProviderCode, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance_provider(uow, code, "closed", reason, expected_version)
