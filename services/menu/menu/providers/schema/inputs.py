"""The providers' GraphQL inputs and arguments, and their translation into domain values."""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated, Any

import strawberry

from menu.activities.schema.inputs import EligibleActivityFilter, checked_search
from menu.activities.schema.types import FILTER, ActivityStatus
from menu.providers.repository import PROVIDER_SORT, ProviderCriteria, ProviderOrdering
from menu.providers.rules import ProviderDetails
from menu.providers.schema.types import PROVIDER, ProviderKind, ProviderOrder, ProviderStatus
from shared.graphql.descriptions import described
from shared.ordering import Direction

ProviderCode = Annotated[str, strawberry.argument(description="The provider's code, e.g. NSO")]


@described(FILTER)
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


@described(PROVIDER)
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


@described(PROVIDER)
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
