"""The Military Training and Exercise Programme (MTEP): exercises on a five-year plan, and partners' requests
to take part in them with the Allies' decisions. Pure: no I/O.

An exercise is planned for a year of the plan (this year and the four after), CONFIRMED once its dates are
set, CONDUCTED, or CANCELLED before. Partners take part in exercises open to them; a North Atlantic Council
crisis-management exercise (CMX) only by invitation. A partner requests to take part (what it sends: observers,
staff officers, units, and how many); staff or the provider leading the exercise approve or decline it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict
from shared.iso_codes import check_country
from shared.lifecycle import Lifecycle

PLAN_YEARS = 5
MAX_PERSONNEL = 20_000


class ExerciseType(str, Enum):
    COMMAND_POST = "COMMAND_POST"
    COMPUTER_ASSISTED = "COMPUTER_ASSISTED"
    LIVE = "LIVE"
    CRISIS_MANAGEMENT = "CRISIS_MANAGEMENT"
    TABLETOP = "TABLETOP"


class ExerciseStatus(str, Enum):
    PLANNED = "PLANNED"
    CONFIRMED = "CONFIRMED"
    CONDUCTED = "CONDUCTED"
    CANCELLED = "CANCELLED"


EXERCISE_LIFECYCLE = Lifecycle(
    "Exercise",
    {
        ExerciseStatus.PLANNED: {ExerciseStatus.CONFIRMED, ExerciseStatus.CANCELLED},
        ExerciseStatus.CONFIRMED: {ExerciseStatus.CONDUCTED, ExerciseStatus.CANCELLED},
    },
)
# Partners may still ask to take part, and the exercise may still change.
OPEN_EXERCISE = frozenset({ExerciseStatus.PLANNED, ExerciseStatus.CONFIRMED})


class ParticipationKind(str, Enum):
    OBSERVERS = "OBSERVERS"
    STAFF_OFFICERS = "STAFF_OFFICERS"
    UNITS = "UNITS"


class ParticipationStatus(str, Enum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"


PARTICIPATION_LIFECYCLE = Lifecycle(
    "ExerciseParticipation",
    {
        ParticipationStatus.REQUESTED: {
            ParticipationStatus.APPROVED,
            ParticipationStatus.DECLINED,
            ParticipationStatus.WITHDRAWN,
        },
        ParticipationStatus.APPROVED: {ParticipationStatus.WITHDRAWN},
    },
)
# A partner has one request alive per exercise.
LIVE_PARTICIPATION = frozenset({ParticipationStatus.REQUESTED, ParticipationStatus.APPROVED})


@dataclass
class ExerciseDetails:
    name: str
    year: int
    type: ExerciseType
    scenario: str
    lead_code: str
    nac_crisis_management: bool = False
    open_to_partners: bool = True
    start_date: date | None = None
    end_date: date | None = None
    location: str | None = None
    invited_partners: list[str] = field(default_factory=list)


@dataclass
class ParticipationDetails:
    kind: ParticipationKind
    personnel: int
    note: str | None = None


def plan_years(today: date) -> range:
    """The years of the plan: this one and the four after."""
    return range(today.year, today.year + PLAN_YEARS)


def check_exercise(details: ExerciseDetails, today: date, planning: bool) -> ExerciseDetails:
    """Normalise and check; `planning`: a new exercise, whose year must be within the plan."""
    details.name = text_field(details.name, "name", max_length=200) or ""
    details.scenario = text_field(details.scenario, "scenario", max_length=5000) or ""
    details.location = text_field(details.location, "location", max_length=200, required=False)
    details.lead_code = details.lead_code.strip().upper()
    if planning and details.year not in plan_years(today):
        years = plan_years(today)
        raise BadUserInput(f"the MTEP plans {years.start} to {years.stop - 1}: year is outside it", field="year")
    if (details.start_date is None) != (details.end_date is None):
        raise BadUserInput("give both startDate and endDate, or neither", field="endDate")
    if details.start_date is not None and details.end_date is not None:
        if details.end_date < details.start_date:
            raise BadUserInput("endDate is before startDate", field="endDate")
        if details.start_date.year != details.year:
            raise BadUserInput("startDate is not in the exercise's year", field="startDate")
        if (details.end_date - details.start_date).days > 90:
            raise BadUserInput("an exercise lasts at most 90 days", field="endDate")
    if details.type is ExerciseType.CRISIS_MANAGEMENT:
        details.nac_crisis_management = True
    if details.nac_crisis_management:
        details.open_to_partners = False  # by invitation only
    details.invited_partners = list(
        dict.fromkeys(check_country(iso, "invitedPartners") for iso in details.invited_partners)
    )
    return details


def check_confirmable(details: ExerciseDetails) -> None:
    if details.start_date is None:
        raise Conflict("an exercise is confirmed once its dates are set", field="startDate")


def open_to(open_to_partners: bool, invited_partners: list[str], iso: str) -> bool:
    """Whether a partner sees an exercise and may ask to take part: open ones, and those it is invited to."""
    return open_to_partners or iso in invited_partners


def check_participation(details: ParticipationDetails) -> ParticipationDetails:
    if not 1 <= details.personnel <= MAX_PERSONNEL:
        raise BadUserInput(f"personnel is from 1 to {MAX_PERSONNEL}", field="personnel")
    details.note = text_field(details.note, "note", max_length=2000, required=False)
    return details


def check_may_request(status: ExerciseStatus, start_date: date | None, today: date) -> None:
    if status not in OPEN_EXERCISE:
        raise Conflict(f"the exercise is {status.value}: it takes no requests", currentStatus=status.value)
    if start_date is not None and start_date <= today:
        raise Conflict("the exercise has started: it takes no requests", field="exerciseId")
