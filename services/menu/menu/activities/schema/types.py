"""The activities' own GraphQL: their enums, registered with strawberry once, before any type or input uses them;
what their fields mean; an activity's and an occurrence's own fields; the AreaOfCooperation type. Activity and
Occurrence are in menu.types, since they reach providers and nominations and providers and partners reach them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import strawberry

from menu.activities import models
from menu.activities.repository import ActivityOrder
from menu.activities.rules import ActivityKind, ActivityLevel, ActivityStatus, OccurrenceStatus
from menu.providers.schema.types import ProviderKind
from shared.graphql.enums import described_enum
from shared.graphql.rows import served_from
from shared.graphql.vocabulary import Framework, WpsMarker

described_enum(
    ActivityKind,
    "What kind of event an activity is",
    {
        "COURSE": "A taught course",
        "SEMINAR": "A seminar",
        "WORKSHOP": "A practical workshop",
        "CONFERENCE": "A conference",
        "EXERCISE": "An exercise (command post, computer-assisted or live)",
        "EXPERT_VISIT": "Experts visit the partner",
        "STAFF_TALKS": "Talks between staffs",
        "STUDY_PERIOD": "A period of study at an institution",
        "SPEAKER_TOUR": "A speaker's tour of the partner's institutions",
        "OTHER": "Anything else",
    },
)

described_enum(
    ActivityLevel,
    "The level an activity is pitched at",
    {
        "BASIC": "Newcomers to the subject",
        "INTERMEDIATE": "Practitioners",
        "ADVANCED": "Specialists",
        "EXECUTIVE": "Senior leaders",
    },
)

described_enum(
    ActivityStatus,
    "Where an activity is in its lifecycle: DRAFT -> PUBLISHED -> WITHDRAWN; a DRAFT or WITHDRAWN one may be ARCHIVED",
    {
        "DRAFT": "Being prepared: seen by staff and its own provider only",
        "PUBLISHED": "On the menu, open to the partners of its frameworks and those it names",
        "WITHDRAWN": "Taken off the menu (with a reason); its occurrences still to come were cancelled",
        "ARCHIVED": "Kept for the record only",
    },
)

described_enum(
    OccurrenceStatus,
    "Where an occurrence is in its lifecycle: PLANNED -> OPEN -> CLOSED -> HELD, or CANCELLED before it is held",
    {
        "PLANNED": "Dated; registration not open yet",
        "OPEN": "Taking nominations",
        "CLOSED": "Registration closed",
        "HELD": "It took place: attendance can be recorded",
        "CANCELLED": "It will not take place (with a reason)",
    },
)

described_enum(
    ActivityOrder,
    "What a list of activities is ordered by",
    {
        "TITLE": "Title",
        "START_DATE": "Start of the next occurrence still to come (those with none last)",
        "PCM_REF": "Menu reference",
    },
    name="ActivityOrderField",
)

# What the fields mean, once for the type, its input and its changes (shared.graphql.descriptions).
ACTIVITY = {
    "id": "The activity's id (a UUID), the same in events and every subgraph",
    "pcm_ref": "The menu's own reference: the provider's code, a dot and a number, e.g. NSO.396",
    "title": "Title, at most 200 characters",
    "description": "What it covers and for whom, at most 5,000 characters",
    "area_code": "Code of its area of cooperation, e.g. CYB",
    "kind": "What kind of event it is",
    "provider_kind": "What kind of body offers it (its provider's kind)",
    "provider_name": "Who offers it, e.g. NATO School Oberammergau (its provider's name)",
    "wps_marker": "How much it serves the Women, Peace and Security agenda (UNSCR 1325)",
    "level": "The level it is pitched at",
    "languages": "Working languages, ISO 639-1 codes",
    "fee_eur": "Fee in euros; null when free",
    "contact_name": "Point of contact; null when none is given",
    "contact_email": "The point of contact's email address; null when none is given",
    "frameworks": "Partnership frameworks whose partners may attend",
    "eligible_partners": "Partners (ISO 3166 alpha-3) it is open to beyond its frameworks",
    "tags": "Lower-case keywords (letters, digits, dashes), at most 20",
    "status": "Where it is in its lifecycle",
    "withdrawal_reason": "Why it was withdrawn; null unless WITHDRAWN",
    "next_start_date": "Start of the next occurrence still to come; null when none is planned",
    "created_at": "When it was created",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

OCCURRENCE = {
    "id": "The occurrence's id",
    "start_date": "First day; an occurrence is scheduled from today up to ten years ahead",
    "end_date": "Last day, on or after the start and at most a year after it",
    "location": "Where it takes place",
    "host": "Who hosts it",
    "seats": "Seats offered, 1 to 10,000; not below the seats nominations hold",
    "registration_deadline": "Last day for nominations, on or before the start; null: until the day before",
    "status": "Where it is in its lifecycle",
    "cancellation_reason": "Why it was cancelled; null unless CANCELLED",
    "created_at": "When it was scheduled",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

FILTER = {
    "area_codes": "Activities of any of these areas of cooperation (codes)",
    "kinds": "Activities of any of these kinds",
    "levels": "Activities at any of these levels",
    "tags": "Activities with any of these tags",
    "provider_kinds": "Activities offered by any of these kinds of provider",
    "statuses": "Activities in any of these statuses",
    "frameworks": "Activities open to any of these frameworks",
}


# An activity's own fields, first in the type; menu.types.Activity adds those reaching other concerns' types.
@strawberry.type
class ActivityFields:
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


# An occurrence's own fields, first in the type; menu.types.Occurrence adds those reaching other concerns' types.
@strawberry.type
class OccurrenceFields:
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


@strawberry.federation.type(keys=["code"], description="An area of cooperation of the menu, e.g. CEP")
class AreaOfCooperation:
    is_type_of = served_from(models.AreaOfCooperation)
    code: str = strawberry.field(description="Its code, e.g. CEP (Civil Emergency Planning)")
    name: str = strawberry.field(description="Its name")
    sourced: bool = strawberry.field(description="False where the name is plausible, not official")

    @classmethod
    async def resolve_reference(cls, info: strawberry.Info, **representation: Any) -> AreaOfCooperation | None:
        return await info.context.loaders.area_by_code.load(representation["code"])


__all__ = [
    "ACTIVITY",
    "FILTER",
    "OCCURRENCE",
    "ActivityFields",
    "ActivityKind",
    "ActivityLevel",
    "ActivityOrder",
    "ActivityStatus",
    "AreaOfCooperation",
    "OccurrenceFields",
    "OccurrenceStatus",
]
