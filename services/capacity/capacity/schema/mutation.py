"""Capacity mutations: each opens a unit of work, calls one use case and returns what changed."""

from __future__ import annotations

import strawberry

from capacity import service
from capacity.schema.inputs import SubmitCapacityRequestInput
from capacity.schema.types import CapacityRequest


@strawberry.type
class Mutation:
    @strawberry.mutation(description="A partner asks for support; refused for unknown or suspended partners")
    async def submit_capacity_request(self, info: strawberry.Info,
                                      input: SubmitCapacityRequestInput) -> CapacityRequest:
        async with info.context.unit_of_work() as uow:
            return await service.submit_request(uow, input.submission())
