"""Changing SPS applications: each mutation opens a unit of work and calls one use case."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from capacity.sps import use_cases
from capacity.sps.schema.inputs import ApplicationId, Outcome, SpsApplicationInput
from capacity.types import SpsApplication
from shared.graphql.arguments import ExpectedVersion
from shared.graphql.ids import parse_id


@strawberry.type(description="Changing SPS applications")
class SpsMutation:
    @strawberry.mutation(
        description="File an application: SUBMITTED. Staff, or a nation's officials for their "
        "nation (an Ally as the NATO country, a partner as the partner country)."
    )
    async def submit_sps_application(
        self,
        info: strawberry.Info,
        input: Annotated[SpsApplicationInput, strawberry.argument(description="The application")],
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.submit(uow, input.details())

    @strawberry.mutation(description="SUBMITTED -> UNDER_REVIEW. Staff only.")
    async def start_sps_review(
        self, info: strawberry.Info, id: ApplicationId, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "review_started", expected_version=expected_version)

    @strawberry.mutation(
        description="UNDER_REVIEW -> APPROVED with the panel's outcome and a grant no larger than "
        "the budget. Staff only."
    )
    async def approve_sps_application(
        self,
        info: strawberry.Info,
        id: ApplicationId,
        panel_outcome: Outcome,
        grant_eur: Annotated[Decimal, strawberry.argument(description="The grant, in euros")],
        expected_version: ExpectedVersion = None,
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "approved", panel_outcome, grant_eur, expected_version)

    @strawberry.mutation(description="UNDER_REVIEW -> REJECTED with the panel's outcome. Staff only.")
    async def reject_sps_application(
        self, info: strawberry.Info, id: ApplicationId, panel_outcome: Outcome, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "rejected", panel_outcome, None, expected_version)

    @strawberry.mutation(description="APPROVED -> ACTIVE: the grant runs. Staff only.")
    async def activate_sps_grant(
        self, info: strawberry.Info, id: ApplicationId, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "activated", expected_version=expected_version)

    @strawberry.mutation(description="ACTIVE -> COMPLETED. Staff only.")
    async def complete_sps_grant(
        self, info: strawberry.Info, id: ApplicationId, expected_version: ExpectedVersion = None
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "completed", expected_version=expected_version)

    @strawberry.mutation(description="A report for a period on an ACTIVE grant, one per period. Staff only.")
    async def report_sps_progress(
        self,
        info: strawberry.Info,
        id: ApplicationId,
        period: Annotated[str, strawberry.argument(description="2026, 2026-H1 or 2026-Q3")],
        narrative: Annotated[str, strawberry.argument(description="What was done, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> SpsApplication:
        async with info.context.unit_of_work() as uow:
            return await use_cases.report(uow, parse_id(id), period, narrative, expected_version)
