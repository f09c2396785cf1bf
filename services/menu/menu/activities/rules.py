"""Activity rules: enums, lifecycles and input checks of activities and occurrences. Pure: no I/O, no framework."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from menu.participation.rules import check_quota
from menu.providers.rules import ProviderKind, check_email
from shared.domain_text import text_field
from shared.errors import BadUserInput
from shared.frameworks import Framework
from shared.lifecycle import Lifecycle
from shared.wps import WpsMarker


class ActivityKind(str, Enum):
    COURSE = "COURSE"
    SEMINAR = "SEMINAR"
    WORKSHOP = "WORKSHOP"
    CONFERENCE = "CONFERENCE"
    EXERCISE = "EXERCISE"
    EXPERT_VISIT = "EXPERT_VISIT"
    STAFF_TALKS = "STAFF_TALKS"
    STUDY_PERIOD = "STUDY_PERIOD"
    SPEAKER_TOUR = "SPEAKER_TOUR"
    OTHER = "OTHER"


class ActivityLevel(str, Enum):
    BASIC = "BASIC"
    INTERMEDIATE = "INTERMEDIATE"
    ADVANCED = "ADVANCED"
    EXECUTIVE = "EXECUTIVE"


class ActivityStatus(str, Enum):
    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    WITHDRAWN = "WITHDRAWN"
    ARCHIVED = "ARCHIVED"


class OccurrenceStatus(str, Enum):
    PLANNED = "PLANNED"
    OPEN = "OPEN"
    CLOSED = "CLOSED"
    HELD = "HELD"
    CANCELLED = "CANCELLED"


ACTIVITY_LIFECYCLE = Lifecycle(
    "Activity",
    {
        ActivityStatus.DRAFT: {ActivityStatus.PUBLISHED, ActivityStatus.ARCHIVED},
        ActivityStatus.PUBLISHED: {ActivityStatus.WITHDRAWN},
        ActivityStatus.WITHDRAWN: {ActivityStatus.ARCHIVED},
    },
)

OCCURRENCE_LIFECYCLE = Lifecycle(
    "Occurrence",
    {
        OccurrenceStatus.PLANNED: {OccurrenceStatus.OPEN, OccurrenceStatus.CANCELLED},
        OccurrenceStatus.OPEN: {OccurrenceStatus.CLOSED, OccurrenceStatus.CANCELLED},
        OccurrenceStatus.CLOSED: {OccurrenceStatus.HELD, OccurrenceStatus.CANCELLED},
    },
)

# Only these may still change; a withdrawn or archived activity is history.
EDITABLE_ACTIVITY = frozenset({ActivityStatus.DRAFT, ActivityStatus.PUBLISHED})
# Occurrence edits are allowed until registration closes.
EDITABLE_OCCURRENCE = frozenset({OccurrenceStatus.PLANNED, OccurrenceStatus.OPEN})
# Occurrences still to come are cancelled when their activity is withdrawn.
PENDING_OCCURRENCE = frozenset({OccurrenceStatus.PLANNED, OccurrenceStatus.OPEN, OccurrenceStatus.CLOSED})

T = TypeVar("T")
WPS_AREA = "WPS"  # the Women, Peace and Security area of cooperation
MAX_FEE = 1_000_000
HORIZON_DAYS = 3653

PCM_REF = re.compile(r"^[A-Z][A-Z0-9]{1,9}\.\d{1,6}$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
ISO3 = re.compile(r"^[A-Z]{3}$")
TAG = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass
class ActivityDetails:
    """Everything a person writes about an activity; the service adds identity and status."""

    title: str
    description: str
    area_code: str
    kind: ActivityKind
    # The provider's, copied from the provider the pcmRef's code names; given, they must agree with it.
    provider_kind: ProviderKind | None = None
    provider_name: str | None = None
    level: ActivityLevel = ActivityLevel.BASIC
    languages: list[str] = field(default_factory=lambda: ["en"])
    fee_eur: Decimal | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    frameworks: list[Framework] = field(default_factory=list)
    eligible_partners: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    wps_marker: WpsMarker | None = None  # None: PRINCIPAL in the WPS area, else NOT_TARGETED


@dataclass
class OccurrenceDetails:
    start_date: date
    end_date: date
    location: str
    host: str
    seats: int
    registration_deadline: date | None = None
    quota_per_partner: int | None = None


def check_pcm_ref(value: str) -> str:
    value = value.strip().upper()
    if not PCM_REF.match(value):
        raise BadUserInput("pcmRef must look like ACT.396: a provider code, a dot and a number", field="pcmRef")
    return value


def check_activity(details: ActivityDetails) -> ActivityDetails:
    """Normalise and check; raises BadUserInput naming the field at fault."""
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.description = text_field(details.description, "description", max_length=5000) or ""
    details.provider_name = text_field(details.provider_name, "providerName", max_length=200, required=False)
    if details.wps_marker is None:
        details.wps_marker = WpsMarker.PRINCIPAL if details.area_code == WPS_AREA else WpsMarker.NOT_TARGETED
    details.contact_name = text_field(details.contact_name, "contactName", max_length=200, required=False)
    details.contact_email = check_email(details.contact_email, "contactEmail")
    details.languages = _unique(v.strip().lower() for v in details.languages)
    if not details.languages:
        raise BadUserInput("languages must name at least one language", field="languages")
    for language in details.languages:
        if not LANGUAGE.match(language):
            raise BadUserInput(f"{language!r} is not an ISO 639-1 language code", field="languages")
    if details.fee_eur is not None and not 0 <= details.fee_eur <= MAX_FEE:
        raise BadUserInput(f"feeEur must be between 0 and {MAX_FEE}", field="feeEur")
    details.frameworks = _unique(details.frameworks)
    details.eligible_partners = _unique(v.strip().upper() for v in details.eligible_partners)
    for iso in details.eligible_partners:
        if not ISO3.match(iso):
            raise BadUserInput(f"{iso!r} is not an ISO 3166 alpha-3 code", field="eligiblePartners")
    details.tags = _unique(v.strip().lower() for v in details.tags)
    if len(details.tags) > 20:
        raise BadUserInput("at most 20 tags", field="tags")
    for tag in details.tags:
        if not TAG.match(tag):
            raise BadUserInput(f"{tag!r} is not a tag (lower-case letters, digits, dashes)", field="tags")
    return details


def check_publishable(details: ActivityDetails) -> None:
    if not details.frameworks and not details.eligible_partners:
        raise BadUserInput("an activity is published open to at least one framework or partner", field="frameworks")


def check_occurrence(details: OccurrenceDetails) -> OccurrenceDetails:
    details.location = text_field(details.location, "location", max_length=200) or ""
    details.host = text_field(details.host, "host", max_length=200) or ""
    if details.end_date < details.start_date:
        raise BadUserInput("endDate is before startDate", field="endDate")
    if (details.end_date - details.start_date).days > 366:
        raise BadUserInput("an occurrence lasts at most a year", field="endDate")
    if not 1 <= details.seats <= 10_000:
        raise BadUserInput("seats must be between 1 and 10000", field="seats")
    if details.registration_deadline is not None and details.registration_deadline > details.start_date:
        raise BadUserInput("registrationDeadline is after startDate", field="registrationDeadline")
    if details.registration_deadline is not None and (details.start_date - details.registration_deadline).days > 366:
        raise BadUserInput("registrationDeadline is more than a year before startDate", field="registrationDeadline")
    details.quota_per_partner = check_quota(details.quota_per_partner, details.seats)
    return details


def check_horizon(start: date, today: date) -> None:
    """An occurrence is scheduled from today up to ten years ahead: the menu plans no further."""
    if start < today:
        raise BadUserInput("startDate is in the past", field="startDate")
    if (start - today).days > HORIZON_DAYS:
        raise BadUserInput("startDate is more than ten years ahead", field="startDate")


def is_eligible(frameworks: list[str], eligible_partners: list[str], framework: str | None, iso: str) -> bool:
    return (framework is not None and framework in frameworks) or iso in eligible_partners


def _unique(values: Iterable[T]) -> list[T]:
    return list(dict.fromkeys(values))
