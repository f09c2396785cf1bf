"""The GraphQL object types the concerns reach one another by, in circles: an Activity names its Provider and its
Occurrences, which name it back, and a Provider names its Activities; an Exercise names its lead Provider and its
participations, an ExerciseParticipation its Exercise and its Partner, and the Partner its exercise participations
(and its eligible Activities and nominations). A strawberry type imports every type it names (strawberry.lazy
counts), so types in a circle share one module: this one. Their own fields (`ActivityFields` ...) and what else
they use stay in each concern's `schema` package; here each adds the fields that reach other types. Plain fields
use default resolvers on the rows the types are served from."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import strawberry

from menu.activities import models as activities
from menu.activities.repository import ACTIVITY_VIEWS, OCCURRENCE_SORT
from menu.activities.schema.inputs import (
    ActivityOrderBy,
    EligibleActivityFilter,
    EligibleFilterArgument,
    OccurrenceStatuses,
    OrderByArgument,
    Search,
    checked_search,
)
from menu.activities.schema.types import ACTIVITY, OCCURRENCE, ActivityFields, AreaOfCooperation, OccurrenceFields
from menu.exercises import models as exercises
from menu.exercises.repository import PARTICIPATION_SORT
from menu.exercises.schema.inputs import ParticipationFilter, ParticipationsBy
from menu.exercises.schema.types import ExerciseFields, ExerciseParticipationFields, ExerciseStep, steps
from menu.participation import models as participation
from menu.participation.repository import NOMINATION_SORT
from menu.participation.schema.inputs import NominationFilter, NominationsBy
from menu.participation.schema.types import FeedbackAverages, NominationFields, Seats, averages, seats_of
from menu.providers import models as providers
from menu.providers.schema.inputs import ProviderActivityFilter
from menu.providers.schema.types import PROVIDER, ProviderFields, ProviderTransition
from shared.errors import BadUserInput
from shared.graphql.arguments import After, First
from shared.graphql.descriptions import described
from shared.graphql.history import history_field
from shared.graphql.ids import parse_id
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.projection import Projection
from shared.graphql.rows import served_from
from shared.graphql.vocabulary import Framework


@described(ACTIVITY)
@strawberry.federation.type(keys=["id", "pcmRef"], description="An activity of the Partnership Cooperation Menu")
class Activity(ActivityFields):
    is_type_of = served_from(activities.Activity)
    # Columns of the row it is served from that its resolvers read (not fields of the type).
    area_code: strawberry.Private[str]
    provider_code: strawberry.Private[str]

    @strawberry.field(description="Its area of cooperation")
    async def area(self, info: strawberry.Info) -> AreaOfCooperation:
        return await info.context.loaders.area_by_code.load(self.area_code)

    @strawberry.field(description="Who offers it: the provider its pcmRef's code names")
    async def provider(self, info: strawberry.Info) -> Provider:
        return await info.context.loaders.provider_by_code.load(self.provider_code)

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


@described(OCCURRENCE)
@strawberry.type(description="A dated instance of an activity")
class Occurrence(OccurrenceFields):
    is_type_of = served_from(activities.Occurrence)
    # Columns of the row it is served from that its resolvers read (not fields of the type).
    activity_id: strawberry.Private[uuid.UUID]
    seats: strawberry.Private[int]

    @strawberry.field(description="The activity it is an occurrence of")
    async def activity(self, info: strawberry.Info) -> Activity:
        loader = info.context.loaders.activity_by_id(ACTIVITY_COLUMNS.columns(info))
        return await loader.load(self.activity_id)

    @strawberry.field(
        name="seats",
        description="Seats offered, taken and remaining, and the waitlist, counted over every partner's nominations",
    )
    async def seat_count(self, info: strawberry.Info) -> Seats:
        return seats_of(self.seats, await info.context.loaders.seats.load(self.id))

    @strawberry.field(
        description="Nominations to it, in arrival order: a partner sees its own, a provider those to "
        "its activities, staff, Allies and systems all"
    )
    async def nominations(
        self, info: strawberry.Info, filter: NominationsBy = None, first: First = None, after: After = None
    ) -> Connection[Nomination]:
        return await nomination_page(
            info, participation.Nomination.occurrence_id, self.id, filter, first, after, "Occurrence.nominations"
        )

    @strawberry.field(description="Averages of its feedback reports")
    async def feedback(self, info: strawberry.Info) -> FeedbackAverages:
        return averages(await info.context.loaders.feedback_summary.load(self.id))

    history = history_field("occurrence")


ActivityConnection = Connection[Activity]


@described(PROVIDER)
@strawberry.federation.type(
    keys=["code"],
    description="Who offers activities: a NATO body, a nation, a "
    "Partnership Training and Education Centre or a Centre of "
    "Excellence",
)
class Provider(ProviderFields):
    is_type_of = served_from(providers.Provider)

    @strawberry.field(
        description="Its activities the caller may see (published ones, unless `filter.statuses` "
        "says otherwise), by cursor pages"
    )
    async def activities(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ProviderActivityFilter | None,
            strawberry.argument(description="Which of its activities; the PUBLISHED ones when omitted"),
        ] = None,
        search: Search = None,
        order_by: OrderByArgument = None,
        first: First = None,
        after: After = None,
    ) -> ActivityConnection:
        criteria = (filter or ProviderActivityFilter()).criteria(checked_search(search))
        order = (order_by or ActivityOrderBy()).ordering()
        page = PageRequest.of(first, after, f"Provider.activities.{order.field.value}")
        pages, counts = info.context.loaders.of_providers(
            criteria, order, ACTIVITY_COLUMNS.columns(info, "edges", "node")
        )
        rows = await pages.load(PagedKey.of(self.code, page))
        return connection(rows, page, order.sort.cursor, lambda: counts.load(self.code))

    @strawberry.field(description="Every status change, oldest first, from its registration: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[ProviderTransition]:
        return await info.context.loaders.provider_transitions.load(self.code)

    history = history_field("provider", key="code")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Provider | None:
        return await info.context.loaders.provider_by_code.load(str(representation["code"]).upper())


@strawberry.federation.type(
    keys=["id"], description="An exercise of the Military Training and Exercise Programme (MTEP), on its five-year plan"
)
class Exercise(ExerciseFields):
    is_type_of = served_from(exercises.Exercise)
    # Columns of the row it is served from that its resolvers read (not fields of the type).
    lead_code: strawberry.Private[str]

    @strawberry.field(description="The provider leading it (a NATO command, a nation, a centre)")
    async def lead(self, info: strawberry.Info) -> Provider:
        return await info.context.loaders.provider_by_code.load(self.lead_code)

    @strawberry.field(
        description="Requests to take part, oldest first: a partner sees its own, the leading "
        "provider all, staff, Allies and systems all"
    )
    async def participations(
        self, info: strawberry.Info, filter: ParticipationsBy = None, first: First = None, after: After = None
    ) -> Connection[ExerciseParticipation]:
        return await participation_page(
            info, exercises.ExerciseParticipation.exercise_id, self.id, filter, first, after, "Exercise.participations"
        )

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[ExerciseStep]:
        return steps(await info.context.loaders.exercise_transitions.load(self.id))

    # Its states name every partner invited: a partner's account reads `invitedPartners` (its own) instead.
    history = history_field("exercise", shown=lambda caller, exercise: caller.partner_only is None)

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> Exercise | None:
        return await info.context.loaders.exercise_by_id.load(parse_id(representation["id"]))


@strawberry.type(description="A partner's nomination of a participant to an occurrence")
class Nomination(NominationFields):
    is_type_of = served_from(participation.Nomination)

    @strawberry.field(description="The occurrence nominated to; null if the caller no longer sees it")
    async def occurrence(self, info: strawberry.Info) -> Occurrence | None:
        return await info.context.loaders.occurrence_by_id.load(self.occurrence_id)

    @strawberry.field(description="The occurrence's activity; null if the caller no longer sees it")
    async def activity(self, info: strawberry.Info) -> Activity | None:
        return await info.context.loaders.activity_by_id(ACTIVITY_COLUMNS.columns(info)).load(self.activity_id)

    @strawberry.field(description="The nominating partner")
    def partner(self) -> Partner:
        return Partner(iso=strawberry.ID(self.partner_iso), framework=None)


@strawberry.type(description="A partner's request to take part in an exercise, and the decision on it")
class ExerciseParticipation(ExerciseParticipationFields):
    is_type_of = served_from(exercises.ExerciseParticipation)
    # Columns of the row it is served from that its resolvers read (not fields of the type).
    partner_iso: strawberry.Private[str]
    exercise_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The partner asking")
    def partner(self) -> Partner:
        return Partner(iso=strawberry.ID(self.partner_iso), framework=None)

    @strawberry.field(description="The exercise; null if the caller no longer sees it")
    async def exercise(self, info: strawberry.Info) -> Exercise | None:
        return await info.context.loaders.exercise_by_id.load(self.exercise_id)

    @strawberry.field(description="Every status change, oldest first: who, when, why")
    async def transitions(self, info: strawberry.Info) -> list[ExerciseStep]:
        return steps(await info.context.loaders.participation_transitions.load(self.id))

    history = history_field("exercise_participation")


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
            info, participation.Nomination.partner_iso, str(self.iso), filter, first, after, "Partner.nominations"
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
            exercises.ExerciseParticipation.partner_iso,
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


# The pages of a concern's list hung on these types (an occurrence's or a partner's nominations, an exercise's or a
# partner's requests), scoped to the caller by the concern's loaders.
async def nomination_page(
    info: strawberry.Info,
    owner: Any,
    key: Any,
    filter: NominationFilter | None,
    first: int | None,
    after: str | None,
    list_name: str,
) -> Connection[Nomination]:
    page = PageRequest.of(first, after, list_name)
    pages, counts = info.context.loaders.nominations(owner, (filter or NominationFilter()).criteria())
    rows = await pages.load(PagedKey.of(key, page))
    return connection(rows, page, NOMINATION_SORT.cursor, lambda: counts.load(key))


async def participation_page(
    info: strawberry.Info,
    owner: Any,
    key: Any,
    filter: ParticipationFilter | None,
    first: int | None,
    after: str | None,
    list_name: str,
) -> Connection[ExerciseParticipation]:
    page = PageRequest.of(first, after, list_name)
    pages, counts = info.context.loaders.participations(owner, (filter or ParticipationFilter()).criteria())
    rows = await pages.load(PagedKey.of(key, page))
    return connection(rows, page, PARTICIPATION_SORT.cursor, lambda: counts.load(key))


# The columns an activity's selected fields read (its resolvers' needs named here).
ACTIVITY_COLUMNS = Projection(
    ACTIVITY_VIEWS,
    "Activity",
    needs={"area": ("area_code",), "provider": ("provider_code",), "occurrences": ("id",), "history": ("id",)},
)
