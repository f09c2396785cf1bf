"""The menu's field on programmes' Partner: the activities open to that partner."""

from __future__ import annotations

from typing import Any

import strawberry

from menu import models
from menu.schema.arguments import EligibleFilterArgument, OrderByArgument, Search, checked_search
from menu.schema.exercises import ExerciseParticipation, ParticipationsBy, participation_page
from menu.schema.inputs import ActivityOrderBy, EligibleActivityFilter
from menu.schema.participation import Nomination, NominationsBy
from menu.schema.types import ACTIVITY_COLUMNS, Activity, ActivityConnection, nomination_page
from shared.errors import BadUserInput
from shared.frameworks import Framework
from shared.graphql.arguments import After, First
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.federation.type(keys=["iso"], description="A partner country (owned by programmes)")
class Partner:
    iso: strawberry.ID = strawberry.field(description="The partner's ISO 3166 alpha-3 code")
    framework: Framework = strawberry.federation.field(
        external=True, description="The partner's framework (programmes owns it)"
    )

    @strawberry.federation.field(
        requires=["framework"],
        description="Published activities open to this partner's framework or to it by "
        "name: filter, search (words or the start of a pcmRef), order, pages",
    )
    async def eligible_activities(
        self,
        info: strawberry.Info,
        filter: EligibleFilterArgument = None,
        search: Search = None,
        order_by: OrderByArgument = None,
        first: First = None,
        after: After = None,
    ) -> ActivityConnection:
        if self.framework is None:
            raise BadUserInput("a Partner representation needs its framework", field="representations")
        criteria = (filter or EligibleActivityFilter()).criteria(checked_search(search))
        order = (order_by or ActivityOrderBy()).ordering()
        page = PageRequest.of(first, after, f"eligibleActivities.{order.field.value}")
        pages, counts = info.context.loaders.eligible(criteria, order, ACTIVITY_COLUMNS.columns(info, "edges", "node"))
        key = (self.framework.value, str(self.iso))
        rows = await pages.load(PagedKey.of(key, page))
        return connection(rows, page, order.sort.cursor, lambda: counts.load(key))

    @strawberry.field(
        description="The partner's nominations, in arrival order: a partner reads its own, a provider "
        "those to its activities, staff, Allies and systems all"
    )
    async def nominations(
        self, info: strawberry.Info, filter: NominationsBy = None, first: First = None, after: After = None
    ) -> Connection[Nomination]:
        return await nomination_page(
            info, models.Nomination.partner_iso, str(self.iso), filter, first, after, "Partner.nominations"
        )

    @strawberry.field(
        description="The partner's requests to take part in exercises, oldest first: a partner reads "
        "its own, a provider those to the exercises it leads, staff, Allies and systems "
        "all"
    )
    async def exercise_participations(
        self, info: strawberry.Info, filter: ParticipationsBy = None, first: First = None, after: After = None
    ) -> Connection[ExerciseParticipation]:
        return await participation_page(
            info,
            models.ExerciseParticipation.partner_iso,
            str(self.iso),
            filter,
            first,
            after,
            "Partner.exerciseParticipations",
        )

    @classmethod
    def resolve_reference(cls, **representation: Any) -> Partner:
        # The gateway sends the framework only for the field that requires it (eligibleActivities).
        framework = None
        if representation.get("framework") is not None:
            try:
                framework = Framework(representation["framework"])
            except ValueError as exc:
                raise BadUserInput(
                    "a Partner representation's framework is not a framework", field="representations"
                ) from exc
        return cls(iso=representation["iso"], framework=framework)


__all__ = ["Activity", "Partner"]
