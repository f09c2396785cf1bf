"""GraphQL types of programmes. Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from programmes import models
from shared.frameworks import Framework
from shared.graphql.rows import served_from


@strawberry.federation.type(keys=["iso"], description="A partner country of the Alliance")
class Partner:
    is_type_of = served_from(models.Partner)
    iso: strawberry.ID = strawberry.field(description="ISO 3166 alpha-3")
    name: str
    framework: Framework
    suspended: bool = strawberry.field(description="Cooperation is suspended")
    enhanced_opportunities: bool = strawberry.field(description="Enhanced Opportunities Partner")
    ipap_since: int | None = strawberry.field(description="Year its first IPAP started")
    dcb: bool = strawberry.field(description="Receives Defence Capacity Building support")
    deep: bool = strawberry.field(description="Takes part in the Defence Education Enhancement Programme")
    created_at: datetime
    updated_at: datetime
    version: int

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Partner | None:
        return await info.context.loaders.partner_by_iso.load(str(representation["iso"]).upper())
