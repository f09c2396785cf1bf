"""Changing Trust Fund projects: each mutation opens a unit of work and calls one use case."""

from __future__ import annotations

from typing import Annotated

import strawberry

from capacity.trust_funds import use_cases
from capacity.trust_funds.schema.inputs import Amount, Nation, ProjectId, TrustFundPhaseInput, TrustFundProjectInput
from capacity.types import TrustFundProject
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.ids import parse_id


@strawberry.type(description="Changing Trust Fund projects")
class TrustFundsMutation:
    @strawberry.mutation(description="Propose a project with its phases: PROPOSED. Staff only.")
    async def propose_trust_fund_project(
        self,
        info: strawberry.Info,
        input: Annotated[TrustFundProjectInput, strawberry.argument(description="The project")],
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.propose(uow, input.details())

    @strawberry.mutation(description="Add a phase to a PROPOSED project. Staff only.")
    async def add_trust_fund_phase(
        self,
        info: strawberry.Info,
        id: ProjectId,
        phase: Annotated[TrustFundPhaseInput, strawberry.argument(description="The phase")],
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.add_phase(uow, parse_id(id), phase.details(), expected_version)

    @strawberry.mutation(description="PROPOSED -> APPROVED: nations may pledge. Staff only.")
    async def approve_trust_fund_project(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "approved", None, expected_version)

    @strawberry.mutation(
        description="APPROVED -> FUNDED, once pledges cover the budget (CONFLICT with the gap otherwise). Staff only."
    )
    async def mark_trust_fund_project_funded(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "funded", None, expected_version)

    @strawberry.mutation(description="FUNDED -> IMPLEMENTING. Staff only.")
    async def start_trust_fund_implementation(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "implementation_started", None, expected_version)

    @strawberry.mutation(description="IMPLEMENTING -> COMPLETED. Staff only.")
    async def complete_trust_fund_project(
        self, info: strawberry.Info, id: ProjectId, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "completed", None, expected_version)

    @strawberry.mutation(description="Any status but COMPLETED -> CANCELLED, with a reason. Staff only.")
    async def cancel_trust_fund_project(
        self, info: strawberry.Info, id: ProjectId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.advance(uow, parse_id(id), "cancelled", reason, expected_version)

    @strawberry.mutation(
        description="Pledge to an APPROVED, FUNDED or IMPLEMENTING project. An Ally or a partner "
        "as itself; staff for any nation."
    )
    async def pledge_to_trust_fund(
        self,
        info: strawberry.Info,
        id: ProjectId,
        amount_eur: Amount,
        nation: Nation = None,
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.give(uow, parse_id(id), nation, amount_eur, False, expected_version)

    @strawberry.mutation(
        description="Pay against the nation's pledges, at most what it pledged (CONFLICT beyond). "
        "An Ally or a partner as itself; staff for any nation."
    )
    async def pay_to_trust_fund(
        self,
        info: strawberry.Info,
        id: ProjectId,
        amount_eur: Amount,
        nation: Nation = None,
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.give(uow, parse_id(id), nation, amount_eur, True, expected_version)

    @strawberry.mutation(
        description="A progress report for a period on an IMPLEMENTING project, one per period. Staff only."
    )
    async def report_trust_fund_progress(
        self,
        info: strawberry.Info,
        id: ProjectId,
        period: Annotated[str, strawberry.argument(description="2026, 2026-H1 or 2026-Q3")],
        narrative: Annotated[str, strawberry.argument(description="What was done, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> TrustFundProject:
        async with info.context.unit_of_work() as uow:
            return await use_cases.report(uow, parse_id(id), period, narrative, expected_version)
