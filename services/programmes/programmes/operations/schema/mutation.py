"""Changing contributions to operations: each mutation opens a unit of work, calls one use case and returns what
changed."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from programmes.operations import use_cases as contributions
from programmes.operations.schema.inputs import ContributionId, OperationalContributionInput
from programmes.types import OperationalContribution
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.ids import parse_id


@strawberry.type(description="Changing contributions to operations")
class OperationsMutation:
    @strawberry.mutation(
        description="Offer a contribution to an operation, within its dates: OFFERED. A partner "
        "for itself; staff for any partner."
    )
    async def offer_operational_contribution(
        self,
        info: strawberry.Info,
        input: Annotated[OperationalContributionInput, strawberry.argument(description="The contribution")],
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.offer_contribution(uow, input.details())

    @strawberry.mutation(description="OFFERED -> ACCEPTED into the operation's force. Staff only.")
    async def accept_operational_contribution(
        self, info: strawberry.Info, id: ContributionId, expected_version: ExpectedVersion = None
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "accepted", expected_version=expected_version
            )

    @strawberry.mutation(description="OFFERED -> DECLINED, with a reason. Staff only.")
    async def decline_operational_contribution(
        self, info: strawberry.Info, id: ContributionId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "declined", reason, expected_version=expected_version
            )

    @strawberry.mutation(description="ACCEPTED -> DEPLOYED: it is in the operation. Staff only.")
    async def record_contribution_deployed(
        self, info: strawberry.Info, id: ContributionId, expected_version: ExpectedVersion = None
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "deployed", expected_version=expected_version
            )

    @strawberry.mutation(description="DEPLOYED -> ENDED on a day (within the operation). Staff only.")
    async def end_operational_contribution(
        self,
        info: strawberry.Info,
        id: ContributionId,
        ended_on: Annotated[date, strawberry.argument(description="The day it ended")],
        expected_version: ExpectedVersion = None,
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "ended", ended_on=ended_on, expected_version=expected_version
            )

    @strawberry.mutation(description="OFFERED or ACCEPTED -> WITHDRAWN. The partner for its own, or staff.")
    async def withdraw_operational_contribution(
        self,
        info: strawberry.Info,
        id: ContributionId,
        reason: Annotated[str | None, strawberry.argument(description="Why, if the partner says")] = None,
        expected_version: ExpectedVersion = None,
    ) -> OperationalContribution:
        async with info.context.unit_of_work() as uow:
            return await contributions.advance_contribution(
                uow, parse_id(id), "withdrawn", reason, expected_version=expected_version
            )
