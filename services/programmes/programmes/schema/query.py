"""Programmes queries."""

from __future__ import annotations

import strawberry

from programmes.repository import PartnerRepository
from programmes.schema.types import Partner
from shared.frameworks import Framework


@strawberry.type
class Query:
    @strawberry.field(description="Partners by name, optionally of one framework")
    async def partners(self, info: strawberry.Info, framework: Framework | None = None) -> list[Partner]:
        return list(await PartnerRepository(info.context.session).list(framework))

    @strawberry.field(description="One partner by ISO 3166 alpha-3 code")
    async def partner(self, info: strawberry.Info, iso: strawberry.ID) -> Partner | None:
        return await info.context.loaders.partner_by_iso.load(str(iso).strip().upper())
