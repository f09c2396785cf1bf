"""Programme rules: programme types and lifecycle, objectives, plans, PARP and OCC. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotYetKnown
from shared.lifecycle import Lifecycle

GOAL_CODE = re.compile(r"^[A-Z]{1,6}[ -]?\d{1,4}(\.\d{1,3})?$")
CYCLE = re.compile(r"^\d{4}(-\d{4})?$")


class ProgrammeType(str, Enum):
    IPCP = "IPCP"  # Individual Partnership and Cooperation Programme
    IPAP = "IPAP"  # Individual Partnership Action Plan
    ITPP = "ITPP"  # Individually Tailored Partnership Programme
    PARP = "PARP"  # Planning and Review Process
    OCC = "OCC"  # Operational Capabilities Concept
    DEEP = "DEEP"  # Defence Education Enhancement Programme
    PDP = "PDP"  # Professional Development Programme
    PAP_DIB = "PAP_DIB"  # Partnership Action Plan on Defence Institution Building
    BI = "BI"  # Building Integrity
    PAP_T = "PAP_T"  # Partnership Action Plan against Terrorism
    OTHER = "OTHER"


class ProgrammeStatus(str, Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    IN_NEGOTIATION = "IN_NEGOTIATION"
    APPROVED = "APPROVED"
    IMPLEMENTING = "IMPLEMENTING"
    COMPLETED = "COMPLETED"
    WITHDRAWN = "WITHDRAWN"
    SUPERSEDED = "SUPERSEDED"


PROGRAMME_LIFECYCLE = Lifecycle(
    "Programme",
    {
        ProgrammeStatus.DRAFT: {ProgrammeStatus.SUBMITTED, ProgrammeStatus.WITHDRAWN},
        ProgrammeStatus.SUBMITTED: {ProgrammeStatus.IN_NEGOTIATION, ProgrammeStatus.WITHDRAWN},
        ProgrammeStatus.IN_NEGOTIATION: {ProgrammeStatus.APPROVED, ProgrammeStatus.WITHDRAWN},
        ProgrammeStatus.APPROVED: {ProgrammeStatus.IMPLEMENTING, ProgrammeStatus.SUPERSEDED},
        ProgrammeStatus.IMPLEMENTING: {ProgrammeStatus.COMPLETED, ProgrammeStatus.SUPERSEDED},
    },
)

# Approving a new revision supersedes the partner's earlier approved one of the same type.
SUPERSEDABLE = frozenset({ProgrammeStatus.APPROVED, ProgrammeStatus.IMPLEMENTING})
# Content may change until the North Atlantic Council approves.
EDITABLE_PROGRAMME = frozenset({ProgrammeStatus.DRAFT, ProgrammeStatus.SUBMITTED, ProgrammeStatus.IN_NEGOTIATION})
# Plans are made and followed while a programme is alive.
PLANNABLE_PROGRAMME = EDITABLE_PROGRAMME | SUPERSEDABLE
# Partnership for Peace began in 1994; nothing is planned beyond the century.
PARTNERSHIP_BEGAN = date(1994, 1, 1)
LAST_PLANNABLE = date(2100, 12, 31)
TWO_YEAR_TYPES = frozenset({ProgrammeType.IPCP, ProgrammeType.IPAP})
# Tools a partner takes part in only once it has joined (PARP, OCC, DEEP) or been invited by the North
# Atlantic Council (IPAP, case by case): a programme of one needs the partner's participation first.
JOINED_TOOLS = {
    ProgrammeType.IPAP: "an IPAP is agreed case by case with a partner the North Atlantic Council has invited",
    ProgrammeType.PARP: "PARP is for partners that have joined the Planning and Review Process",
    ProgrammeType.OCC: "OCC is for partners that have joined the Operational Capabilities Concept",
    ProgrammeType.DEEP: "DEEP is for partners that take part in the Defence Education Enhancement Programme",
}


class ObjectiveCategory(str, Enum):
    # IPAP's six chapters
    POLITICAL_AND_SECURITY = "POLITICAL_AND_SECURITY"
    DEFENCE_AND_MILITARY = "DEFENCE_AND_MILITARY"
    PUBLIC_DIPLOMACY = "PUBLIC_DIPLOMACY"
    SCIENCE_AND_ENVIRONMENT = "SCIENCE_AND_ENVIRONMENT"
    CIVIL_EMERGENCY_PLANNING = "CIVIL_EMERGENCY_PLANNING"
    ADMINISTRATIVE_PROTECTIVE_SECURITY_RESOURCES = "ADMINISTRATIVE_PROTECTIVE_SECURITY_RESOURCES"
    # ITPP: strategic objective -> partnership goal
    STRATEGIC_OBJECTIVE = "STRATEGIC_OBJECTIVE"
    PARTNERSHIP_GOAL = "PARTNERSHIP_GOAL"
    GENERAL = "GENERAL"


IPAP_CATEGORIES = frozenset(list(ObjectiveCategory)[:6])


class PlannedActivityStatus(str, Enum):
    PLANNED = "PLANNED"
    CONFIRMED = "CONFIRMED"
    DONE = "DONE"
    FLAGGED = "FLAGGED"  # the menu withdrew the activity


PLANNED_ACTIVITY_LIFECYCLE = Lifecycle(
    "PlannedActivity",
    {
        PlannedActivityStatus.PLANNED: {PlannedActivityStatus.CONFIRMED, PlannedActivityStatus.FLAGGED},
        PlannedActivityStatus.CONFIRMED: {PlannedActivityStatus.DONE, PlannedActivityStatus.FLAGGED},
    },
)


class AssessmentRating(str, Enum):
    MET = "MET"
    PARTIALLY_MET = "PARTIALLY_MET"
    NOT_MET = "NOT_MET"
    NOT_ASSESSED = "NOT_ASSESSED"


class OccLevel(str, Enum):
    SEL1 = "SEL1"  # self-evaluation, level 1
    NEL1 = "NEL1"  # NATO evaluation, level 1
    SEL2 = "SEL2"
    NEL2 = "NEL2"


class OccResult(str, Enum):
    INTEROPERABLE = "INTEROPERABLE"
    PARTIALLY = "PARTIALLY"
    NOT_INTEROPERABLE = "NOT_INTEROPERABLE"
    NOT_EVALUATED = "NOT_EVALUATED"


@dataclass
class ProgrammeDetails:
    partner_iso: str
    type: ProgrammeType
    title: str
    period_start: date
    period_end: date
    summary: str | None = None


def two_years_from(start: date) -> date:
    """The last day of a two-year programme starting on `start`."""
    try:
        anniversary = start.replace(year=start.year + 2)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 2, day=28)
    return anniversary - timedelta(days=1)


def check_programme(details: ProgrammeDetails) -> ProgrammeDetails:
    details.partner_iso = details.partner_iso.strip().upper()
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.summary = text_field(details.summary, "summary", max_length=5000, required=False)
    if details.period_start < PARTNERSHIP_BEGAN:
        raise BadUserInput(
            f"periodStart is before partnership programmes began ({PARTNERSHIP_BEGAN.year})", field="periodStart"
        )
    if details.period_end > LAST_PLANNABLE:
        raise BadUserInput(f"periodEnd is after {LAST_PLANNABLE}", field="periodEnd")
    if details.period_end < details.period_start:
        raise BadUserInput("periodEnd is before periodStart", field="periodEnd")
    if details.type in TWO_YEAR_TYPES and details.period_end != two_years_from(details.period_start):
        raise BadUserInput(
            f"an {details.type.value} runs two years: from {details.period_start} it ends on "
            f"{two_years_from(details.period_start)}",
            field="periodEnd",
        )
    if (details.period_end - details.period_start).days > 366 * 10:
        raise BadUserInput("a programme runs at most ten years", field="periodEnd")
    return details


def check_takes_part(programme_type: ProgrammeType, tools: list[str], iso: str) -> None:
    if programme_type in JOINED_TOOLS and programme_type.value not in tools:
        raise BadUserInput(
            f"{iso} does not take part in {programme_type.value}: {JOINED_TOOLS[programme_type]} "
            "(staff record a partner's tools with updatePartnerFlags)",
            field="type",
        )


# A partner prepares one edition of a tool at a time; OTHER gathers unrelated programmes, not editions.
ONE_IN_PREPARATION = frozenset(ProgrammeType) - {ProgrammeType.OTHER}


def check_one_in_preparation(programme_type: ProgrammeType, iso: str, in_preparation: tuple[int, str] | None) -> None:
    """(revision, status) of the edition the partner already prepares, if any, refuses another."""
    if in_preparation is not None and programme_type in ONE_IN_PREPARATION:
        revision, status = in_preparation
        raise Conflict(
            f"{iso}'s {programme_type.value} revision {revision} is already in preparation ({status}): "
            "take it through approval or withdraw it first",
            field="type",
        )


def superseded_on_approval(running: list[tuple[str, date]], named: str | None, today: date) -> list[str]:
    """Which earlier approved editions (id, end of period) an approval supersedes.

    Those whose period has ended go by themselves; one still running goes only when the approval names
    it, so replacing a programme in force is always a decision, never a side effect."""
    if named is not None and named not in {edition for edition, _ in running}:
        raise BadUserInput(
            "supersedes names no approved or implementing edition of this partner's programme of this type",
            field="supersedes",
        )
    still_running = [edition for edition, end in running if end >= today and edition != named]
    if still_running:
        raise Conflict(
            f"an earlier edition is still in force (programme {still_running[0]}): name it in "
            "`supersedes` to replace it, or approve once its period has ended",
            field="supersedes",
            runningProgrammeId=still_running[0],
        )
    return [edition for edition, _ in running]


def check_not_in_future(day: date, today: date, field: str) -> None:
    if day > today:
        raise BadUserInput(f"{field} is in the future: record what has happened", field=field)


def check_may_submit(partner_suspended: bool, iso: str) -> None:
    if partner_suspended:
        raise Conflict(
            f"cooperation with partner {iso} is suspended: no programme can be submitted", field="partnerIso"
        )


def check_objective_category(
    programme_type: ProgrammeType, category: ObjectiveCategory, parent_category: ObjectiveCategory | None
) -> None:
    if programme_type is ProgrammeType.IPAP and category not in IPAP_CATEGORIES:
        raise BadUserInput("an IPAP objective belongs to one of its six chapters", field="category")
    if programme_type is ProgrammeType.ITPP:
        if category is ObjectiveCategory.STRATEGIC_OBJECTIVE and parent_category is not None:
            raise BadUserInput("a strategic objective has no parent", field="parentId")
        under_strategy = parent_category is ObjectiveCategory.STRATEGIC_OBJECTIVE
        if category is ObjectiveCategory.PARTNERSHIP_GOAL and not under_strategy:
            raise BadUserInput("an ITPP partnership goal sits under a strategic objective", field="parentId")
        if category not in (ObjectiveCategory.STRATEGIC_OBJECTIVE, ObjectiveCategory.PARTNERSHIP_GOAL):
            raise BadUserInput("an ITPP has strategic objectives and partnership goals", field="category")


@dataclass(frozen=True)
class ActivityFacts:
    """What programmes knows of a menu activity, from the menu's events."""

    id: str
    pcm_ref: str
    status: str
    frameworks: tuple[str, ...]
    eligible_partners: tuple[str, ...]
    version: int = 0


GONE_FROM_MENU = ("WITHDRAWN", "ARCHIVED")


def check_plannable(
    activity: ActivityFacts | None, activity_id: str, framework: str, iso: str, seen_version: int | None = None
) -> None:
    """Says which rule a choice of activity breaks, telling the truth about what programmes knows: its copy of
    the menu follows the menu's events, so a change made a moment ago may not be here yet (retryable)."""
    if seen_version is not None and (activity is None or activity.version < seen_version):
        raise NotYetKnown(
            f"programmes has not yet received version {seen_version} of activity {activity_id} "
            "from the menu; retry shortly",
            field="activityId",
        )
    if activity is not None and activity.status in GONE_FROM_MENU:
        raise BadUserInput(f"activity {activity.pcm_ref} has been withdrawn from the menu", field="activityId")
    if activity is None or activity.status != "PUBLISHED":
        # Unknown and unpublished read alike: whether a draft exists is not the caller's to learn.
        raise NotYetKnown(
            f"activity {activity_id} is not published on the menu as far as programmes knows; if it "
            "was created or published a moment ago, retry shortly",
            field="activityId",
        )
    if framework not in activity.frameworks and iso not in activity.eligible_partners:
        raise BadUserInput(f"activity {activity.pcm_ref} is not open to {iso} ({framework})", field="activityId")


def check_year(year: int, start: date, end: date) -> None:
    if not start.year <= year <= end.year:
        raise BadUserInput(f"year must fall within the programme's period ({start.year}-{end.year})", field="year")


def check_goal_code(code: str) -> str:
    code = code.strip().upper()
    if not GOAL_CODE.match(code):
        raise BadUserInput("a partnership goal code looks like G 0001 or LOG 1.2", field="code")
    return code


def check_cycle(cycle: str) -> str:
    cycle = cycle.strip()
    if not CYCLE.match(cycle):
        raise BadUserInput("a review cycle is a year or a span of years, e.g. 2026 or 2025-2026", field="cycle")
    return cycle


def check_programme_type(actual: ProgrammeType, wanted: ProgrammeType, what: str) -> None:
    if actual is not wanted:
        raise BadUserInput(f"{what} belong to a {wanted.value} programme, not a {actual.value}", field="programmeId")


@dataclass(frozen=True)
class WpsSummary:
    """How a partner's programmes in force (APPROVED or IMPLEMENTING) serve Women, Peace and Security: their
    objectives by WPS marker, and the planned menu activities the menu marks as serving it."""

    objectives_principal: int = 0
    objectives_significant: int = 0
    objectives_total: int = 0
    planned_activities_serving: int = 0
    planned_activities_total: int = 0

    @property
    def objective_share(self) -> float | None:
        served = self.objectives_principal + self.objectives_significant
        return round(served / self.objectives_total, 3) if self.objectives_total else None

    @property
    def planned_activity_share(self) -> float | None:
        return (
            round(self.planned_activities_serving / self.planned_activities_total, 3)
            if self.planned_activities_total
            else None
        )
