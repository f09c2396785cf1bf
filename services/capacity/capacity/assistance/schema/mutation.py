"""Coordinating disaster assistance: each mutation opens a unit of work and calls one use case."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import strawberry

from capacity.assistance import use_cases
from capacity.assistance.schema.inputs import AssistanceInput, AssistanceUpdateInput, NeedInput, OfferId, RequestId
from capacity.types import AssistanceRequest
from shared.graphql.arguments import ExpectedVersion, Reason
from shared.graphql.ids import parse_id


@strawberry.type(description="Coordinating disaster assistance")
class AssistanceMutation:
    @strawberry.mutation(
        description="File a request for assistance with its needs: OPEN. The stricken country "
        "(an Ally or a partner) for itself; staff for any country."
    )
    async def request_assistance(
        self, info: strawberry.Info, input: Annotated[AssistanceInput, strawberry.argument(description="The request")]
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.request_assistance(uow, input.details())

    @strawberry.mutation(
        description="Correct what struck an OPEN request, its title or its situation (the news "
        "goes in situation reports). The stricken country, or staff."
    )
    async def update_assistance_request(
        self,
        info: strawberry.Info,
        id: RequestId,
        input: Annotated[AssistanceUpdateInput, strawberry.argument(description="The corrections")],
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.update_request(uow, parse_id(id), input.update(), expected_version)

    @strawberry.mutation(description="Add a need to an OPEN request. The stricken country, or staff.")
    async def add_assistance_need(
        self,
        info: strawberry.Info,
        id: RequestId,
        need: Annotated[NeedInput, strawberry.argument(description="The need")],
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.add_need(uow, parse_id(id), need.details(), expected_version)

    @strawberry.mutation(
        description="Offer a quantity against a need of an OPEN request: OFFERED. An Ally or a "
        "partner as itself; staff for any nation."
    )
    async def offer_assistance(
        self,
        info: strawberry.Info,
        need_id: Annotated[strawberry.ID, strawberry.argument(description="The need")],
        quantity: Annotated[Decimal, strawberry.argument(description="How much, in the need's unit")],
        nation: Annotated[
            str | None,
            strawberry.argument(description="The offering nation: staff must give it; an account's own is implied"),
        ] = None,
        note: Annotated[str | None, strawberry.argument(description="What to add")] = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.offer(uow, parse_id(need_id, "needId"), nation, quantity, note)

    @strawberry.mutation(
        description="OFFERED -> ACCEPTED, within what the need still lacks (CONFLICT beyond). The "
        "stricken country, or staff."
    )
    async def accept_assistance_offer(
        self, info: strawberry.Info, id: OfferId, expected_version: ExpectedVersion = None
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.decide_offer(uow, parse_id(id), True, None, expected_version)

    @strawberry.mutation(description="OFFERED -> DECLINED, with a reason. The stricken country, or staff.")
    async def decline_assistance_offer(
        self, info: strawberry.Info, id: OfferId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.decide_offer(uow, parse_id(id), False, reason, expected_version)

    @strawberry.mutation(description="ACCEPTED -> DELIVERED. The offering nation, or staff.")
    async def record_assistance_delivered(
        self,
        info: strawberry.Info,
        id: OfferId,
        note: Annotated[str | None, strawberry.argument(description="What was delivered, where")] = None,
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.offering_step(uow, parse_id(id), True, note, expected_version)

    @strawberry.mutation(description="OFFERED or ACCEPTED -> WITHDRAWN. The offering nation, or staff.")
    async def withdraw_assistance_offer(
        self,
        info: strawberry.Info,
        id: OfferId,
        note: Annotated[str | None, strawberry.argument(description="Why")] = None,
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.offering_step(uow, parse_id(id), False, note, expected_version)

    @strawberry.mutation(
        description="Issue the next situation report of an OPEN request. The stricken country, or staff."
    )
    async def report_disaster_situation(
        self,
        info: strawberry.Info,
        id: RequestId,
        text: Annotated[str, strawberry.argument(description="The situation, at most 10,000 characters")],
        expected_version: ExpectedVersion = None,
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.report_situation(uow, parse_id(id), text, expected_version)

    @strawberry.mutation(description="OPEN -> CLOSED, with a note. The stricken country, or staff.")
    async def close_assistance_request(
        self, info: strawberry.Info, id: RequestId, reason: Reason, expected_version: ExpectedVersion = None
    ) -> AssistanceRequest:
        async with info.context.unit_of_work() as uow:
            return await use_cases.close_request(uow, parse_id(id), reason, expected_version)
