"""The activities' GraphQL inputs and arguments, and their translation into domain values: a search and an
activity order are also what partners' and providers' lists of activities take."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from menu.activities.repository import ACTIVITY_SORT, ActivityCriteria, ActivityOrdering
from menu.activities.rules import ActivityDetails, OccurrenceDetails
from menu.activities.schema.types import (
    ACTIVITY,
    FILTER,
    OCCURRENCE,
    ActivityKind,
    ActivityLevel,
    ActivityOrder,
    ActivityStatus,
    OccurrenceStatus,
)
from menu.providers.schema.types import ProviderKind
from shared.domain_text import plain
from shared.errors import BadUserInput
from shared.graphql.descriptions import described
from shared.graphql.vocabulary import Framework, WpsMarker
from shared.ordering import Direction


@described(ACTIVITY)
@strawberry.input(description="A new activity; it starts as a DRAFT")
class ActivityInput:
    pcm_ref: str
    title: str
    description: str
    area_code: str
    kind: ActivityKind
    provider_kind: ProviderKind | None = strawberry.field(
        default=None, description="Taken from the provider the pcmRef's code names; given, it must agree with it"
    )
    provider_name: str | None = strawberry.field(
        default=None, description="Taken from the provider the pcmRef's code names; given, it must agree with it"
    )
    level: ActivityLevel = ActivityLevel.BASIC
    languages: list[str] = strawberry.field(default_factory=lambda: ["en"])
    fee_eur: Decimal | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    frameworks: list[Framework] = strawberry.field(default_factory=list)
    eligible_partners: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Partners (ISO 3166 alpha-3) it is open to beyond its frameworks"
    )
    tags: list[str] = strawberry.field(default_factory=list)
    wps_marker: WpsMarker | None = strawberry.field(
        default=None,
        description="How much it serves Women, Peace and Security; PRINCIPAL in the WPS area and "
        "NOT_TARGETED elsewhere when omitted",
    )

    def details(self) -> ActivityDetails:
        return ActivityDetails(**{f.name: getattr(self, f.name) for f in fields(ActivityDetails)})


@described(ACTIVITY)
@strawberry.input(description="Only the fields given change")
class ActivityChanges:
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    area_code: str | None = strawberry.UNSET
    kind: ActivityKind | None = strawberry.UNSET
    provider_kind: ProviderKind | None = strawberry.UNSET
    provider_name: str | None = strawberry.UNSET
    level: ActivityLevel | None = strawberry.UNSET
    languages: list[str] | None = strawberry.UNSET
    fee_eur: Decimal | None = strawberry.UNSET
    contact_name: str | None = strawberry.UNSET
    contact_email: str | None = strawberry.UNSET
    frameworks: list[Framework] | None = strawberry.UNSET
    eligible_partners: list[strawberry.ID] | None = strawberry.UNSET
    tags: list[str] | None = strawberry.UNSET
    wps_marker: WpsMarker | None = strawberry.UNSET


# Fields that may be cleared with null; the others, if given, need a value.
NULLABLE_ACTIVITY_FIELDS = frozenset({"fee_eur", "contact_name", "contact_email"})


@described(OCCURRENCE)
@strawberry.input(description="A new occurrence; it starts PLANNED")
class OccurrenceInput:
    start_date: date
    end_date: date
    location: str
    host: str
    seats: int
    registration_deadline: date | None = None
    quota_per_partner: int | None = strawberry.field(
        default=None, description="At most this many seats for any one partner (1 to seats); none when omitted"
    )

    def details(self) -> OccurrenceDetails:
        return OccurrenceDetails(**{f.name: getattr(self, f.name) for f in fields(OccurrenceDetails)})


@described(OCCURRENCE)
@strawberry.input(description="Only the fields given change")
class OccurrenceChanges:
    start_date: date | None = strawberry.UNSET
    end_date: date | None = strawberry.UNSET
    location: str | None = strawberry.UNSET
    host: str | None = strawberry.UNSET
    seats: int | None = strawberry.UNSET
    registration_deadline: date | None = strawberry.UNSET
    quota_per_partner: int | None = strawberry.field(
        default=strawberry.UNSET, description="At most this many seats for any one partner; null removes the quota"
    )


@described(FILTER)
@strawberry.input(description="All given criteria must hold; a list matches any of its values")
class EligibleActivityFilter:
    area_codes: list[str] | None = None
    kinds: list[ActivityKind] | None = None
    languages: list[str] | None = strawberry.field(
        default=None, description="Activities in any of these working languages (ISO 639-1 codes)"
    )
    levels: list[ActivityLevel] | None = None
    tags: list[str] | None = None
    provider_kinds: list[ProviderKind] | None = None
    providers: list[str] | None = strawberry.field(
        default=None, description="Activities offered by any of these providers (exact provider names)"
    )
    provider_codes: list[str] | None = strawberry.field(
        default=None, description="Activities offered by any of these providers (their codes, e.g. NSO)"
    )
    wps_markers: list[WpsMarker] | None = strawberry.field(
        default=None, description="Activities with any of these Women, Peace and Security markers"
    )
    starts_from: date | None = strawberry.field(
        default=None, description="Activities with an occurrence (not cancelled) starting on or after this date"
    )
    starts_to: date | None = strawberry.field(
        default=None,
        description="Activities with an occurrence (not cancelled) starting on or before this date; "
        "with startsFrom, the same occurrence falls within both",
    )

    def criteria(self, search: str | None, **more: Any) -> ActivityCriteria:
        if self.starts_from and self.starts_to and self.starts_to < self.starts_from:
            raise BadUserInput("startsTo is before startsFrom", field="filter.startsTo")
        return ActivityCriteria(
            area_codes=_upper(self.area_codes),
            kinds=tuple(self.kinds or ()),
            languages=tuple(code.strip().lower() for code in self.languages or ()),
            levels=tuple(self.levels or ()),
            tags=tuple(tag.strip().lower() for tag in self.tags or ()),
            provider_kinds=tuple(self.provider_kinds or ()),
            providers=tuple(self.providers or ()),
            provider_codes=_upper(self.provider_codes),
            wps_markers=tuple(self.wps_markers or ()),
            starts_from=self.starts_from,
            starts_to=self.starts_to,
            search=search,
            **more,
        )


@described(FILTER)
@strawberry.input(
    description="All given criteria must hold; a list matches any of its values. Without "
    "`statuses`, only PUBLISHED activities are listed."
)
class ActivityFilter(EligibleActivityFilter):
    statuses: list[ActivityStatus] | None = None
    frameworks: list[Framework] | None = None
    open_to: strawberry.ID | None = strawberry.field(
        default=None, description="Open to this partner (ISO 3166 alpha-3), by its framework or by name"
    )

    def criteria(self, search: str | None, **more: Any) -> ActivityCriteria:
        return super().criteria(
            search,
            statuses=tuple(self.statuses or (ActivityStatus.PUBLISHED,)),
            frameworks=tuple(f.value for f in self.frameworks or ()),
            **more,
        )


def _upper(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in values or ())


@strawberry.input(description="How activities are ordered; ties are broken by id, so pages are stable")
class ActivityOrderBy:
    field: ActivityOrder = strawberry.field(default=ActivityOrder.TITLE, description="What to order by")
    direction: Direction = strawberry.field(default=Direction.ASC, description="Which way")

    def ordering(self) -> ActivityOrdering:
        return ActivityOrdering(self.field, self.direction, ACTIVITY_SORT)


# Arguments every list of activities takes (the catalogue, a partner's, a provider's): a search and an order.
MAX_SEARCH = 200


def checked_search(search: str | None) -> str | None:
    """Full-text words, or the start of a menu reference ("NSO.99")."""
    if search is None:
        return None
    search = plain(search.strip(), "search") or None
    if search and len(search) > MAX_SEARCH:
        raise BadUserInput(f"search is longer than {MAX_SEARCH} characters", field="search")
    return search


Search = Annotated[
    str | None,
    strawberry.argument(
        description=f"Full-text words, all of which must match title or description, or the start of a pcmRef such as "
        f"NSO.99; at most {MAX_SEARCH} characters"
    ),
]

OrderByArgument = Annotated[
    ActivityOrderBy | None, strawberry.argument(description="The order; by title, ascending, when omitted")
]

EligibleFilterArgument = Annotated[
    EligibleActivityFilter | None,
    strawberry.argument(description="Which activities; all those open to the partner when omitted"),
]

OccurrenceStatuses = Annotated[
    list[OccurrenceStatus] | None,
    strawberry.argument(description="Only occurrences in any of these statuses; all when omitted"),
]
