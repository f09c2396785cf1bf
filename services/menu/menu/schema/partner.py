"""The menu's field on programmes' Partner: the activities open to that partner."""

from __future__ import annotations

from typing import Any

import strawberry

from menu.schema.types import Activity, ActivityConnection
from shared.frameworks import Framework
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import PageRequest, connection


@strawberry.federation.type(keys=["iso"], description="A partner country (owned by programmes)")
class Partner:
    iso: strawberry.ID
    framework: Framework = strawberry.federation.field(external=True)

    @strawberry.federation.field(requires=["framework"],
                                 description="Published activities open to this partner's framework or to it by name")
    async def eligible_activities(self, info: strawberry.Info, first: int | None = None,
                                  after: str | None = None) -> ActivityConnection:
        page = PageRequest.of(first, after, arity=2)
        framework = self.framework.value
        loaders = info.context.loaders
        rows = await loaders.eligible_page.load(PagedKey.of((framework, str(self.iso)), page))

        async def count() -> int:
            return await loaders.eligible_count.load((framework, str(self.iso)))

        return connection(rows, page, lambda a: (a.title, str(a.id)), count)

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Partner:
        return cls(iso=representation["iso"], framework=Framework(representation["framework"]))


__all__ = ["Activity", "Partner"]
