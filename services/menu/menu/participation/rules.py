"""Participation rules: nominations to an occurrence, its seats and waitlist, attendance and feedback.
Pure: no I/O, no framework.

A nomination arrives NOMINATED when a seat is free within the occurrence's total and the partner's quota
(it then holds that seat), else WAITLISTED in arrival order. The provider confirms or declines; the partner
withdraws before the start; a freed seat goes to the first waitlisted nomination that fits the quotas.
After the occurrence is held, each confirmed participant ATTENDED or was a NO_SHOW.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Generic, TypeVar

from shared.domain_text import plain, text_field
from shared.errors import BadUserInput, Conflict
from shared.lifecycle import Lifecycle


class NominationStatus(str, Enum):
    NOMINATED = "NOMINATED"
    WAITLISTED = "WAITLISTED"
    CONFIRMED = "CONFIRMED"
    DECLINED = "DECLINED"
    WITHDRAWN = "WITHDRAWN"
    ATTENDED = "ATTENDED"
    NO_SHOW = "NO_SHOW"


NOMINATION_LIFECYCLE = Lifecycle(
    "Nomination",
    {
        NominationStatus.NOMINATED: {NominationStatus.CONFIRMED, NominationStatus.DECLINED, NominationStatus.WITHDRAWN},
        NominationStatus.WAITLISTED: {
            NominationStatus.NOMINATED,
            NominationStatus.DECLINED,
            NominationStatus.WITHDRAWN,
        },
        NominationStatus.CONFIRMED: {NominationStatus.WITHDRAWN, NominationStatus.ATTENDED, NominationStatus.NO_SHOW},
    },
)

# The nominations that hold a seat of the occurrence (attendance is recorded on confirmed ones only).
HOLDS_SEAT = frozenset(
    {NominationStatus.NOMINATED, NominationStatus.CONFIRMED, NominationStatus.ATTENDED, NominationStatus.NO_SHOW}
)
# The nominations a change of the occurrence still matters to.
STILL_TO_HAPPEN = frozenset({NominationStatus.NOMINATED, NominationStatus.WAITLISTED, NominationStatus.CONFIRMED})
RATINGS = range(1, 6)
MAX_QUOTA = 10_000
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LANGUAGE = re.compile(r"^[a-z]{2}$")

K = TypeVar("K")


@dataclass(frozen=True)
class SeatRules:
    """An occurrence's seats: `total`, and at most `quota` for any one partner (None: no quota)."""

    total: int
    quota: int | None = None

    def seat_free(self, taken: int, taken_by_partner: int) -> bool:
        return taken < self.total and (self.quota is None or taken_by_partner < self.quota)


@dataclass(frozen=True)
class Waiting(Generic[K]):
    """A waitlisted nomination as promotion sees it: its key and its partner, in arrival order."""

    key: K
    partner_iso: str


def promotions(rules: SeatRules, holders: Iterable[str], waitlist: Sequence[Waiting[K]]) -> list[K]:
    """Which waitlisted nominations take the seats now free, first come first served: each in turn, the
    first that fits its partner's quota (one over quota waits while a later one of another partner goes)."""
    taken = Counter(holders)
    promoted: list[K] = []
    for waiting in waitlist:
        if not rules.seat_free(sum(taken.values()), taken[waiting.partner_iso]):
            if sum(taken.values()) >= rules.total:
                break
            continue
        taken[waiting.partner_iso] += 1
        promoted.append(waiting.key)
    return promoted


def check_quota(quota: int | None, seats: int) -> int | None:
    if quota is not None and not 1 <= quota <= min(seats, MAX_QUOTA):
        raise BadUserInput("quotaPerPartner must be between 1 and the number of seats", field="quotaPerPartner")
    return quota


@dataclass
class ParticipantDetails:
    """The personal data of a participant: seen by the nominating partner, the provider and staff only."""

    name: str
    email: str
    rank_or_function: str | None = None
    organisation: str | None = None
    languages: list[str] = field(default_factory=list)


def check_participant(details: ParticipantDetails) -> ParticipantDetails:
    details.name = text_field(details.name, "participant.name", max_length=200) or ""
    details.rank_or_function = text_field(
        details.rank_or_function, "participant.rankOrFunction", max_length=200, required=False
    )
    details.organisation = text_field(details.organisation, "participant.organisation", max_length=200, required=False)
    details.email = (plain(details.email.strip(), "participant.email") or "").lower()
    if len(details.email) > 254 or not EMAIL.match(details.email):
        raise BadUserInput("participant.email is not an email address", field="participant.email")
    details.languages = list(dict.fromkeys(code.strip().lower() for code in details.languages))
    for code in details.languages:
        if not LANGUAGE.match(code):
            raise BadUserInput(f"{code!r} is not an ISO 639-1 language code", field="participant.languages")
    return details


def check_registration_open(deadline: date | None, start: date, today: date) -> None:
    """Nominations are taken until the registration deadline, or the day before the start without one."""
    if deadline is not None and today > deadline:
        raise Conflict(f"registration closed on {deadline.isoformat()}", field="occurrenceId")
    if deadline is None and today >= start:
        raise Conflict("registration closes when the occurrence starts", field="occurrenceId")


def check_before_start(start: date, today: date) -> None:
    if today >= start:
        raise Conflict("a nomination is withdrawn before the occurrence starts")


@dataclass(frozen=True)
class Ratings:
    """A participant's feedback on an occurrence, 1 (poor) to 5 (excellent)."""

    content: int
    delivery: int
    relevance: int

    def __post_init__(self) -> None:
        for name in ("content", "delivery", "relevance"):
            if getattr(self, name) not in RATINGS:
                raise BadUserInput(f"{name} is rated from 1 to 5", field=name)


def check_comment(comment: str | None) -> str | None:
    return text_field(comment, "comment", max_length=5000, required=False)
