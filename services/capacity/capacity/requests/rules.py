"""Capacity-building rules: areas of support, the request lifecycle, input checks, packages' contributions and
linked menu activities, and reporting periods (which Trust Fund and SPS reports follow too). Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotYetKnown
from shared.iso_codes import check_country, check_currency
from shared.lifecycle import Lifecycle
from shared.priority import Priority

MAX_FUNDS = Decimal("1000000000000")
CENTS = Decimal("0.01")
PERIOD = re.compile(r"^\d{4}(-(H[12]|Q[1-4]))?$")


class SupportArea(str, Enum):
    STRATEGIC_ADVICE = "STRATEGIC_ADVICE"
    DEFENCE_INSTITUTION_BUILDING = "DEFENCE_INSTITUTION_BUILDING"
    LOGISTICS = "LOGISTICS"
    DDR = "DDR"
    CIVIL_EMERGENCY_PLANNING = "CIVIL_EMERGENCY_PLANNING"
    CYBER_DEFENCE = "CYBER_DEFENCE"
    EDUCATION_AND_TRAINING = "EDUCATION_AND_TRAINING"
    COUNTER_IED = "COUNTER_IED"
    MARITIME_SECURITY = "MARITIME_SECURITY"
    OTHER = "OTHER"


class RequestStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    UNDER_ASSESSMENT = "UNDER_ASSESSMENT"
    PACKAGE_PROPOSED = "PACKAGE_PROPOSED"
    APPROVED = "APPROVED"
    IMPLEMENTING = "IMPLEMENTING"
    COMPLETED = "COMPLETED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"


REQUEST_LIFECYCLE = Lifecycle(
    "CapacityRequest",
    {
        RequestStatus.SUBMITTED: {RequestStatus.UNDER_ASSESSMENT, RequestStatus.WITHDRAWN},
        RequestStatus.UNDER_ASSESSMENT: {
            RequestStatus.PACKAGE_PROPOSED,
            RequestStatus.DECLINED,
            RequestStatus.WITHDRAWN,
        },
        RequestStatus.PACKAGE_PROPOSED: {RequestStatus.APPROVED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN},
        RequestStatus.APPROVED: {RequestStatus.IMPLEMENTING},
        RequestStatus.IMPLEMENTING: {RequestStatus.COMPLETED},
    },
)

OPEN_REQUEST = frozenset(
    {
        RequestStatus.SUBMITTED,
        RequestStatus.UNDER_ASSESSMENT,
        RequestStatus.PACKAGE_PROPOSED,
        RequestStatus.APPROVED,
        RequestStatus.IMPLEMENTING,
    }
)
EDITABLE_REQUEST = frozenset({RequestStatus.SUBMITTED, RequestStatus.UNDER_ASSESSMENT})
# A request on hold (its partner is suspended) only goes backwards: declined or withdrawn.
ALLOWED_ON_HOLD = frozenset({RequestStatus.DECLINED, RequestStatus.WITHDRAWN})
# The package can be shaped until the North Atlantic Council approves it ...
SHAPEABLE_PACKAGE = frozenset({RequestStatus.PACKAGE_PROPOSED})
# ... and is supported and reported on once it is agreed.
AGREED_PACKAGE = frozenset({RequestStatus.APPROVED, RequestStatus.IMPLEMENTING})
REVIEW_AFTER_YEARS = 2


class Recommendation(str, Enum):
    SUPPORT = "SUPPORT"
    SUPPORT_WITH_CHANGES = "SUPPORT_WITH_CHANGES"
    DO_NOT_SUPPORT = "DO_NOT_SUPPORT"


class ContributionKind(str, Enum):
    ADVISERS = "ADVISERS"
    TRAINERS = "TRAINERS"
    FUNDS = "FUNDS"
    IN_KIND = "IN_KIND"


class RagStatus(str, Enum):
    GREEN = "GREEN"
    AMBER = "AMBER"
    RED = "RED"


@dataclass
class RequestSubmission:
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None = None
    priority: Priority = Priority.MEDIUM


def check_submission(submission: RequestSubmission) -> RequestSubmission:
    submission.partner_iso = submission.partner_iso.strip().upper()
    submission.title = text_field(submission.title, "title", max_length=200) or ""
    submission.description = text_field(submission.description, "description", max_length=10_000) or ""
    submission.justification = text_field(submission.justification, "justification", max_length=10_000, required=False)
    submission.areas = list(dict.fromkeys(submission.areas))
    if not submission.areas:
        raise BadUserInput("name at least one area of support", field="areas")
    return submission


def check_step(status: RequestStatus, target: RequestStatus, on_hold: bool) -> None:
    if on_hold and target not in ALLOWED_ON_HOLD:
        raise Conflict("the request is on hold while its partner is suspended", currentStatus=status.value)
    REQUEST_LIFECYCLE.transition(status, target)


def review_date(approved_on: date) -> date:
    """Packages are reviewed every two years from approval."""
    try:
        return approved_on.replace(year=approved_on.year + REVIEW_AFTER_YEARS)
    except ValueError:  # 29 February
        return approved_on.replace(year=approved_on.year + REVIEW_AFTER_YEARS, day=28)


def check_nation(iso: str, field_name: str) -> str:
    return check_country(iso, field_name)


@dataclass
class ContributionDetails:
    nation: str
    kind: ContributionKind
    quantity: int | None = None  # people, for advisers and trainers
    amount: Decimal | None = None  # for funds
    currency: str | None = None
    description: str | None = None


def check_contribution(details: ContributionDetails) -> ContributionDetails:
    details.nation = check_nation(details.nation, "nation")
    details.description = text_field(details.description, "description", max_length=2000, required=False)
    if details.kind in (ContributionKind.ADVISERS, ContributionKind.TRAINERS):
        if details.quantity is None or not 1 <= details.quantity <= 10_000:
            raise BadUserInput("say how many people, 1 to 10000", field="quantity")
        details.amount = details.currency = None
    elif details.kind is ContributionKind.FUNDS:
        if details.amount is None or not 0 < details.amount <= MAX_FUNDS:
            raise BadUserInput(f"funds need a positive amount up to {MAX_FUNDS}", field="amount")
        if details.amount != details.amount.quantize(CENTS):
            raise BadUserInput("an amount has at most two decimals", field="amount")
        details.amount = details.amount.quantize(CENTS)
        details.currency = check_currency(details.currency or "", "currency")
        details.quantity = None
    else:
        details.quantity = details.amount = details.currency = None
        if details.description is None:
            raise BadUserInput("describe the in-kind support", field="description")
    return details


@dataclass(frozen=True)
class Totals:
    advisers: int
    trainers: int
    in_kind: int
    funds: dict[str, Decimal]


def totals(contributions: list[ContributionDetails]) -> Totals:
    """What a package adds up to: people by role, in-kind items, and funds per currency."""
    funds: dict[str, Decimal] = {}
    for c in contributions:
        if c.kind is ContributionKind.FUNDS and c.amount is not None and c.currency:
            funds[c.currency] = funds.get(c.currency, Decimal(0)) + c.amount
    return Totals(
        advisers=sum(c.quantity or 0 for c in contributions if c.kind is ContributionKind.ADVISERS),
        trainers=sum(c.quantity or 0 for c in contributions if c.kind is ContributionKind.TRAINERS),
        in_kind=sum(1 for c in contributions if c.kind is ContributionKind.IN_KIND),
        funds=dict(sorted(funds.items())),
    )


@dataclass(frozen=True)
class ActivityStanding:
    """What capacity knows of a menu activity, from the menu's events."""

    id: str
    pcm_ref: str
    status: str


GONE_FROM_MENU = ("WITHDRAWN", "ARCHIVED")


def check_linkable(activity: ActivityStanding | None, activity_id: str, field: str = "activityIds") -> None:
    """A measure links published menu activities. capacity's copy of the menu follows the menu's events, so an
    activity published a moment ago may not be here yet: that refusal says so and is retryable."""
    if activity is not None and activity.status in GONE_FROM_MENU:
        raise BadUserInput(f"activity {activity.pcm_ref} has been withdrawn from the menu", field=field)
    if activity is None or activity.status != "PUBLISHED":
        # Unknown and unpublished read alike: whether a draft exists is not the caller's to learn.
        raise NotYetKnown(
            f"activity {activity_id} is not published on the menu as far as capacity knows; if it was "
            "published a moment ago, retry shortly",
            field=field,
        )


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of a reporting period: 2026, 2026-H1 or 2026-Q3."""
    year, _, part = period.partition("-")
    if not part:
        return date(int(year), 1, 1), date(int(year), 12, 31)
    months = 6 if part[0] == "H" else 3
    first_month = (int(part[1]) - 1) * months + 1
    last = date(int(year) + (first_month + months > 12), (first_month + months - 1) % 12 + 1, 1)
    return date(int(year), first_month, 1), last - timedelta(days=1)


def check_period(period: str, approved_on: date | None, today: date) -> str:
    """A well-formed period within the package's life: not before its approval, not yet to come."""
    period = period.strip().upper()
    if not PERIOD.match(period):
        raise BadUserInput("a reporting period looks like 2026, 2026-H1 or 2026-Q3", field="period")
    starts, ends = period_bounds(period)
    if approved_on is not None and ends < approved_on:
        raise BadUserInput(f"{period} ended before the package was approved on {approved_on}", field="period")
    if starts > today:
        raise BadUserInput(f"{period} has not begun: report on a period under way or past", field="period")
    return period


def check_report(period: str, narrative: str, reported: Iterable[str], today: date) -> tuple[str, str]:
    """A Trust Fund's or an SPS grant's report: a period under way or past that has no report yet, and its text."""
    period = check_period(period, None, today)
    if period in set(reported):
        raise Conflict(f"a report for {period} exists", field="period")
    return period, text_field(narrative, "narrative", max_length=10_000) or ""


def flag_reason(pcm_ref: str, reason: str | None) -> str:
    return f"{pcm_ref} withdrawn from the menu: {reason or 'no reason given'}"
