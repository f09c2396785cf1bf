"""The menu's field on programmes' Partner: the activities open to that partner."""

from __future__ import annotations

from typing import Any

import strawberry

from menu.schema.inputs import ActivityOrderBy, EligibleActivityFilter
from menu.schema.query import checked_search
from menu.schema.types import ACTIVITY_COLUMNS, Activity, ActivityConnection
from shared.errors import BadUserInput
from shared.frameworks import Framework
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import PageRequest, connection


@strawberry.federation.type(keys=["iso"], description="A partner country (owned by programmes)")
class Partner:
    iso: strawberry.ID
    framework: Framework = strawberry.federation.field(external=True)

    @strawberry.federation.field(requires=["framework"],
                                 description="Published activities open to this partner's framework or to it by "
                                             "name: filter, search (words or the start of a pcmRef), order, pages")
    async def eligible_activities(self, info: strawberry.Info, filter: EligibleActivityFilter | None = None,
                                  search: str | None = None, order_by: ActivityOrderBy | None = None,
                                  first: int | None = None, after: str | None = None) -> ActivityConnection:
        criteria = (filter or EligibleActivityFilter()).criteria(checked_search(search))
        order = (order_by or ActivityOrderBy()).ordering()
        page = PageRequest.of(first, after, f"eligibleActivities.{order.field.value}")
        pages, counts = info.context.loaders.eligible(criteria, order, ACTIVITY_COLUMNS.columns(info, "edges", "node"))
        key = (self.framework.value, str(self.iso))
        rows = await pages.load(PagedKey.of(key, page))
        return connection(rows, page, order.sort.cursor, lambda: counts.load(key))

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Partner:
        try:
            framework = Framework(representation["framework"])
        except (KeyError, ValueError) as exc:
            raise BadUserInput("a Partner representation needs its framework", field="representations") from exc
        return cls(iso=representation["iso"], framework=framework)


__all__ = ["Activity", "Partner"]
