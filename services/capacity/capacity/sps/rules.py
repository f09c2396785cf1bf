"""Science for Peace and Security (SPS) grant applications: joint projects of a scientist from a NATO country and
one from a partner, in security-related civil science, judged against the SPS key priorities. Pure: no I/O.

SUBMITTED -> UNDER_REVIEW -> APPROVED (with the panel's outcome and a grant no larger than the budget asked) or
REJECTED (with the outcome); APPROVED -> ACTIVE -> COMPLETED, with reports while ACTIVE.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict
from shared.iso_codes import check_country
from shared.lifecycle import Lifecycle

MAX_BUDGET = Decimal("10000000")


class SpsKind(str, Enum):
    MULTI_YEAR_PROJECT = "MULTI_YEAR_PROJECT"
    ADVANCED_RESEARCH_WORKSHOP = "ADVANCED_RESEARCH_WORKSHOP"
    ADVANCED_TRAINING_COURSE = "ADVANCED_TRAINING_COURSE"
    ADVANCED_STUDY_INSTITUTE = "ADVANCED_STUDY_INSTITUTE"


class KeyPriority(str, Enum):
    COUNTER_TERRORISM = "COUNTER_TERRORISM"
    ENERGY_SECURITY = "ENERGY_SECURITY"
    CYBER_DEFENCE = "CYBER_DEFENCE"
    CBRN_DEFENCE = "CBRN_DEFENCE"
    ENVIRONMENTAL_SECURITY = "ENVIRONMENTAL_SECURITY"
    EMERGING_TECHNOLOGIES = "EMERGING_TECHNOLOGIES"
    BORDER_SECURITY = "BORDER_SECURITY"
    HUMAN_AND_SOCIAL_ASPECTS = "HUMAN_AND_SOCIAL_ASPECTS"


class SpsStatus(str, Enum):
    SUBMITTED = "SUBMITTED"
    UNDER_REVIEW = "UNDER_REVIEW"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"


SPS_LIFECYCLE = Lifecycle(
    "SpsApplication",
    {
        SpsStatus.SUBMITTED: {SpsStatus.UNDER_REVIEW},
        SpsStatus.UNDER_REVIEW: {SpsStatus.APPROVED, SpsStatus.REJECTED},
        SpsStatus.APPROVED: {SpsStatus.ACTIVE},
        SpsStatus.ACTIVE: {SpsStatus.COMPLETED},
    },
)


@dataclass
class SpsDetails:
    kind: SpsKind
    key_priority: KeyPriority
    title: str
    summary: str
    nato_country: str
    nato_co_director: str
    partner_country: str
    partner_co_director: str
    budget_eur: Decimal


def check_application(details: SpsDetails) -> SpsDetails:
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.summary = text_field(details.summary, "summary", max_length=10_000) or ""
    details.nato_country = check_country(details.nato_country, "natoCountry")
    details.partner_country = check_country(details.partner_country, "partnerCountry")
    if details.nato_country == details.partner_country:
        raise BadUserInput("the co-directors come from a NATO country and a partner", field="partnerCountry")
    details.nato_co_director = text_field(details.nato_co_director, "natoCoDirector", max_length=200) or ""
    details.partner_co_director = text_field(details.partner_co_director, "partnerCoDirector", max_length=200) or ""
    details.budget_eur = check_budget(details.budget_eur, "budgetEur")
    return details


def check_budget(amount: Decimal, at: str) -> Decimal:
    if not amount.is_finite() or not Decimal(0) < amount <= MAX_BUDGET or amount != amount.quantize(Decimal("0.01")):
        raise BadUserInput(f"an amount is above 0, at most {MAX_BUDGET} euros, two decimals at most", field=at)
    return amount.quantize(Decimal("0.01"))


def check_grant(grant: Decimal, budget: Decimal) -> Decimal:
    grant = check_budget(grant, "grantEur")
    if grant > budget:
        raise Conflict(f"the grant is at most the budget asked ({budget} euros)", field="grantEur")
    return grant
