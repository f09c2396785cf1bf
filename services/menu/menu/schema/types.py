"""GraphQL object types of the menu. Plain fields use default resolvers on the ORM rows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from menu import models
from menu.access import READ_NOMINATIONS
from menu.repository import ACTIVITY_VIEWS, NOMINATION_SORT, OCCURRENCE_SORT
from menu.schema import descriptions
from menu.schema.enums import ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus, ProviderKind
from menu.schema.participation import (
    FeedbackAverages,
    Nomination,
    NominationFilter,
    NominationsBy,
    Seats,
    averages,
    seats_of,
)
from shared.frameworks import Framework
from shared.graphql.arguments import After, First
from shared.graphql.descriptions import described
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.projection import Projection
from shared.graphql.rows import served_from
from shared.wps import WpsMarker

if TYPE_CHECKING:
    from menu.schema.providers import Provider


@strawberry.federation.type(keys=["code"], description="An area of cooperation of the menu, e.g. CEP")
class AreaOfCooperation:
    is_type_of = served_from(models.AreaOfCooperation)
    code: str = strawberry.field(description="Its code, e.g. CEP (Civil Emergency Planning)")
    name: str = strawberry.field(description="Its name")
    sourced: bool = strawberry.field(description="False where the name is plausible, not official")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> AreaOfCooperation | None:
        return await info.context.loaders.area_by_code.load(representation["code"])


OccurrenceStatuses = Annotated[
    list[OccurrenceStatus] | None,
    strawberry.argument(description="Only occurrences in any of these statuses; all when omitted"),
]


@described(descriptions.ACTIVITY)
@strawberry.federation.type(keys=["id", "pcmRef"], description="An activity of the Partnership Cooperation Menu")
class Activity:
    is_type_of = served_from(models.Activity)
    id: strawberry.ID
    pcm_ref: str = strawberry.field(description="The menu's own reference, e.g. ACT.396")
    title: str
    description: str
    kind: ActivityKind
    provider_kind: ProviderKind
    provider_name: str
    level: ActivityLevel
    languages: list[str] = strawberry.field(description="ISO 639-1 codes")
    fee_eur: Decimal | None = strawberry.field(description="Fee in euros; null when free")
    contact_name: str | None
    contact_email: str | None
    frameworks: list[Framework] = strawberry.field(description="Frameworks whose partners may attend")
    eligible_partners: list[strawberry.ID] = strawberry.field(
        description="Partners (ISO 3166 alpha-3) it is open to beyond its frameworks"
    )
    tags: list[str]
    wps_marker: WpsMarker
    status: ActivityStatus
    withdrawal_reason: str | None
    next_start_date: date | None = strawberry.field(
        description="Start of the next occurrence still to come (not cancelled); null when none is planned"
    )
    created_at: datetime
    updated_at: datetime
    version: int

    @strawberry.field(description="Its area of cooperation")
    async def area(self, info: strawberry.Info) -> AreaOfCooperation:
        return await info.context.loaders.area_by_code.load(self.area_code)  # type: ignore[attr-defined]

    @strawberry.field(description="Who offers it: the provider its pcmRef's code names")
    async def provider(self, info: strawberry.Info) -> Annotated[Provider, strawberry.lazy("menu.schema.providers")]:
        return await info.context.loaders.provider_by_code.load(self.provider_code)  # type: ignore[attr-defined]

    @strawberry.field(description="Dated occurrences, earliest first, by cursor pages")
    async def occurrences(
        self, info: strawberry.Info, statuses: OccurrenceStatuses = None, first: First = None, after: After = None
    ) -> Connection[Occurrence]:
        page = PageRequest.of(first, after, "Activity.occurrences")
        pages, counts = info.context.loaders.occurrences(tuple(statuses or ()))
        rows = await pages.load(PagedKey.of(self.id, page))
        return connection(rows, page, OCCURRENCE_SORT.cursor, lambda: counts.load(self.id))

    history = history_field("activity")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Activity | None:
        loaders, columns = info.context.loaders, ACTIVITY_COLUMNS.columns(info)
        if "id" in representation:
            return await loaders.activity_by_id(columns).load(parse_id(representation["id"]))
        return await loaders.activity_by_pcm_ref(columns).load(representation["pcmRef"])


@described(descriptions.OCCURRENCE)
@strawberry.type(description="A dated instance of an activity")
class Occurrence:
    is_type_of = served_from(models.Occurrence)
    id: strawberry.ID
    start_date: date
    end_date: date
    location: str
    host: str
    quota_per_partner: int | None = strawberry.field(
        description="At most this many seats for any one partner; null: no quota"
    )
    registration_deadline: date | None
    status: OccurrenceStatus
    cancellation_reason: str | None
    created_at: datetime
    updated_at: datetime
    version: int

    @strawberry.field(description="The activity it is an occurrence of")
    async def activity(self, info: strawberry.Info) -> Activity:
        loader = info.context.loaders.activity_by_id(ACTIVITY_COLUMNS.columns(info))
        return await loader.load(self.activity_id)  # type: ignore[attr-defined]

    @strawberry.field(
        name="seats",
        description="Seats offered, taken and remaining, and the waitlist, counted over every partner's nominations",
    )
    async def seat_count(self, info: strawberry.Info) -> Seats:
        return seats_of(self.seats, await info.context.loaders.seats.load(self.id))  # type: ignore[attr-defined]

    @strawberry.field(
        description="Nominations to it, in arrival order: a partner sees its own, a provider those to "
        "its activities, staff, Allies and systems all"
    )
    async def nominations(
        self, info: strawberry.Info, filter: NominationsBy = None, first: First = None, after: After = None
    ) -> Connection[Nomination]:
        return await nomination_page(
            info, models.Nomination.occurrence_id, self.id, filter, first, after, "Occurrence.nominations"
        )

    @strawberry.field(description="Averages of its feedback reports")
    async def feedback(self, info: strawberry.Info) -> FeedbackAverages:
        return averages(await info.context.loaders.feedback_summary.load(self.id))

    history = history_field("occurrence")


ActivityConnection = Connection[Activity]


async def nomination_page(
    info: strawberry.Info,
    owner: Any,
    key: Any,
    filter: NominationFilter | None,
    first: int | None,
    after: str | None,
    list_name: str,
) -> Connection[Nomination]:
    READ_NOMINATIONS.require(info.context.actor)
    page = PageRequest.of(first, after, list_name)
    pages, counts = info.context.loaders.nominations(owner, (filter or NominationFilter()).criteria())
    rows = await pages.load(PagedKey.of(key, page))
    return connection(rows, page, NOMINATION_SORT.cursor, lambda: counts.load(key))


# The columns an activity's selected fields read (its resolvers' needs named here).
ACTIVITY_COLUMNS = Projection(
    ACTIVITY_VIEWS,
    "Activity",
    needs={"area": ("area_code",), "provider": ("provider_code",), "occurrences": ("id",), "history": ("id",)},
)
