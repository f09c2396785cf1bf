"""Activity providers: the type, its inputs, queries and mutations."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Annotated, Any

import strawberry

from menu import models, providers
from menu.access import READ_MENU
from menu.provider_repository import PROVIDER_SORT, ProviderCriteria, ProviderOrdering, ProviderRepository
from menu.provider_rules import ProviderDetails
from menu.schema import descriptions
from menu.schema.arguments import OrderByArgument, Search, checked_search
from menu.schema.enums import ActivityStatus, Direction, ProviderKind, ProviderOrder, ProviderStatus
from menu.schema.inputs import ActivityOrderBy, EligibleActivityFilter
from menu.schema.types import ACTIVITY_COLUMNS, ActivityConnection
from shared.graphql.arguments import After, ExpectedVersion, First, Reason
from shared.graphql.changes import given
from shared.graphql.descriptions import described
from shared.graphql.history import history_field
from shared.graphql.loaders import PagedKey
from shared.graphql.pagination import Connection, PageRequest, connection
from shared.graphql.rows import served_from

ProviderCode = Annotated[str, strawberry.argument(description="The provider's code, e.g. NSO")]


@described(descriptions.FILTER)
@strawberry.input(
    description="Which of a provider's activities: all given criteria must hold. Without "
    "`statuses`, only PUBLISHED ones"
)
class ProviderActivityFilter(EligibleActivityFilter):
    statuses: list[ActivityStatus] | None = strawberry.field(
        default=None, description="Activities in any of these statuses"
    )

    def criteria(self, search: str | None, **more: Any) -> Any:
        return super().criteria(search, statuses=tuple(self.statuses or (ActivityStatus.PUBLISHED,)), **more)


@strawberry.type(description="One step of a provider's lifecycle: who took it, when and why")
class ProviderTransition:
    from_status: ProviderStatus | None = strawberry.field(description="The status before; null on registration")
    to_status: ProviderStatus = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took the step (token subject and role)")
    reason: str | None = strawberry.field(description="Why; null on registration")
    at: datetime = strawberry.field(description="When")


@described(descriptions.PROVIDER)
@strawberry.federation.type(
    keys=["code"],
    description="Who offers activities: a NATO body, a nation, a "
    "Partnership Training and Education Centre or a Centre of "
    "Excellence",
)
class Provider:
    is_type_of = served_from(models.Provider)
    code: str
    name: str
    kind: ProviderKind
    country: str
    city: str | None
    accredited_since: int | None
    website: str | None
    contact_name: str | None
    contact_email: str | None
    status: ProviderStatus
    created_at: datetime
    updated_at: datetime
    version: int

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


@described(descriptions.PROVIDER)
@strawberry.input(description="A new provider; it starts ACTIVE")
class ProviderInput:
    code: str
    name: str
    kind: ProviderKind
    country: str
    city: str | None = None
    accredited_since: int | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None

    def details(self) -> ProviderDetails:
        return ProviderDetails(**{f.name: getattr(self, f.name) for f in fields(ProviderDetails)})


@described(descriptions.PROVIDER)
@strawberry.input(
    description="Only the fields given change; a provider changes its own contact details, staff anything"
)
class ProviderChanges:
    name: str | None = strawberry.UNSET
    kind: ProviderKind | None = strawberry.UNSET
    country: str | None = strawberry.UNSET
    city: str | None = strawberry.UNSET
    accredited_since: int | None = strawberry.UNSET
    website: str | None = strawberry.UNSET
    contact_name: str | None = strawberry.UNSET
    contact_email: str | None = strawberry.UNSET


NULLABLE_PROVIDER_FIELDS = frozenset({"city", "accredited_since", "website", "contact_name", "contact_email"})


@strawberry.input(description="Which providers: all given criteria must hold; a list matches any of its values")
class ProviderFilter:
    kinds: list[ProviderKind] | None = strawberry.field(default=None, description="Any of these kinds")
    countries: list[str] | None = strawberry.field(
        default=None, description="In any of these countries (ISO 3166 alpha-3)"
    )
    statuses: list[ProviderStatus] | None = strawberry.field(default=None, description="In any of these statuses")
    search: str | None = strawberry.field(default=None, description="The start of its code, or part of its name")

    def criteria(self) -> ProviderCriteria:
        return ProviderCriteria(
            kinds=tuple(self.kinds or ()),
            countries=tuple(c.strip().upper() for c in self.countries or ()),
            statuses=tuple(self.statuses or ()),
            search=checked_search(self.search),
        )


@strawberry.input(description="How providers are ordered; ties are broken by id, so pages are stable")
class ProviderOrderBy:
    field: ProviderOrder = strawberry.field(default=ProviderOrder.CODE, description="What to order by")
    direction: Direction = strawberry.field(default=Direction.ASC, description="Which way")

    def ordering(self) -> ProviderOrdering:
        return ProviderOrdering(self.field, self.direction, PROVIDER_SORT)


@strawberry.type(description="Reading providers")
class ProviderQuery:
    @strawberry.field(description="One provider by code; null if there is none")
    async def provider(self, info: strawberry.Info, code: ProviderCode) -> Provider | None:
        READ_MENU.require(info.context.actor)
        return await info.context.loaders.provider_by_code.load(code.strip().upper())

    @strawberry.field(description="Providers by cursor pages, by code unless `orderBy` says otherwise")
    async def providers(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ProviderFilter | None, strawberry.argument(description="Which providers; all when omitted")
        ] = None,
        order_by: Annotated[
            ProviderOrderBy | None, strawberry.argument(description="The order; by code when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[Provider]:
        READ_MENU.require(info.context.actor)
        criteria = (filter or ProviderFilter()).criteria()
        order = (order_by or ProviderOrderBy()).ordering()
        page = PageRequest.of(first, after, f"providers.{order.field.value}")
        repository = ProviderRepository(info.context.session)
        rows = await repository.page(criteria, order, page)
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria))


@strawberry.type(description="Changing providers")
class ProviderMutation:
    @strawberry.mutation(
        description="Register an ACTIVE provider under a new code; activities are then created "
        "under it (CODE.number). Staff only."
    )
    async def register_provider(
        self, info: strawberry.Info, input: Annotated[ProviderInput, strawberry.argument(description="The provider")]
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await providers.register_provider(uow, input.code, input.details())

    @strawberry.mutation(
        description="Change an ACTIVE or SUSPENDED provider; a new name or kind is copied to its "
        "activities. Staff; a provider its own contact details, city and website."
    )
    async def update_provider(
        self,
        info: strawberry.Info,
        code: ProviderCode,
        input: Annotated[ProviderChanges, strawberry.argument(description="What changes")],
        expected_version: ExpectedVersion = None,
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await providers.update_provider(uow, code, given(input, NULLABLE_PROVIDER_FIELDS), expected_version)

    @strawberry.mutation(description="ACTIVE -> SUSPENDED, with a reason: it takes no new activities. Staff only.")
    async def suspend_provider(
        self, info: strawberry.Info, code: ProviderCode, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await providers.advance_provider(uow, code, "suspended", reason, expected_version)

    @strawberry.mutation(description="SUSPENDED -> ACTIVE, with a reason. Staff only.")
    async def reinstate_provider(
        self, info: strawberry.Info, code: ProviderCode, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await providers.advance_provider(uow, code, "reinstated", reason, expected_version)

    @strawberry.mutation(
        description="ACTIVE or SUSPENDED -> CLOSED, with a reason: it offers no more activities; "
        "those it has stay. Staff only."
    )
    async def close_provider(
        self, info: strawberry.Info, code: ProviderCode, reason: Reason, expected_version: ExpectedVersion = None
    ) -> Provider:
        async with info.context.unit_of_work() as uow:
            return await providers.advance_provider(uow, code, "closed", reason, expected_version)


__all__ = ["Provider", "ProviderMutation", "ProviderQuery"]
