"""GraphQL types of capacity. Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from capacity import models
from capacity.schema.enums import RequestStatus, SupportArea
from shared.graphql.ids import parse_id
from shared.graphql.pagination import Connection
from shared.graphql.rows import served_from


@strawberry.federation.type(keys=["iso"], description="A partner country (owned by programmes)")
class Partner:
    iso: strawberry.ID

    @strawberry.field(description="The partner's capacity-building requests, oldest first")
    async def capacity_requests(self, info: strawberry.Info) -> list[CapacityRequest]:
        return await info.context.loaders.requests_by_partner.load(str(self.iso))

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Partner:
        return cls(iso=representation["iso"])


@strawberry.federation.type(keys=["id"], description="A request for Defence Capacity Building support")
class CapacityRequest:
    is_type_of = served_from(models.CapacityRequest)
    id: strawberry.ID
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None
    status: RequestStatus
    on_hold: bool = strawberry.field(description="Set while the partner's cooperation is suspended")
    created_at: datetime
    updated_at: datetime
    version: int

    @strawberry.field
    def partner(self) -> Partner:
        return Partner(iso=strawberry.ID(self.partner_iso))  # type: ignore[attr-defined]

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> CapacityRequest | None:
        return await info.context.loaders.request_by_id.load(parse_id(representation["id"]))


CapacityRequestConnection = Connection[CapacityRequest]
