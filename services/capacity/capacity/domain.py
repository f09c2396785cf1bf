"""Capacity-building rules: areas of support, the request lifecycle, input checks. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict
from shared.lifecycle import Lifecycle


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


REQUEST_LIFECYCLE = Lifecycle("CapacityRequest", {
    RequestStatus.SUBMITTED: {RequestStatus.UNDER_ASSESSMENT, RequestStatus.WITHDRAWN},
    RequestStatus.UNDER_ASSESSMENT: {RequestStatus.PACKAGE_PROPOSED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN},
    RequestStatus.PACKAGE_PROPOSED: {RequestStatus.APPROVED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN},
    RequestStatus.APPROVED: {RequestStatus.IMPLEMENTING},
    RequestStatus.IMPLEMENTING: {RequestStatus.COMPLETED},
})

OPEN_REQUEST = frozenset({RequestStatus.SUBMITTED, RequestStatus.UNDER_ASSESSMENT, RequestStatus.PACKAGE_PROPOSED,
                          RequestStatus.APPROVED, RequestStatus.IMPLEMENTING})


@dataclass
class RequestSubmission:
    partner_iso: str
    areas: list[SupportArea]
    title: str
    description: str
    justification: str | None = None


@dataclass(frozen=True)
class PartnerStanding:
    """What capacity knows of a partner, from programmes' events."""

    iso: str
    suspended: bool


def check_submission(submission: RequestSubmission) -> RequestSubmission:
    submission.partner_iso = submission.partner_iso.strip().upper()
    submission.title = text_field(submission.title, "title", max_length=200) or ""
    submission.description = text_field(submission.description, "description", max_length=10_000) or ""
    submission.justification = text_field(submission.justification, "justification", max_length=10_000,
                                          required=False)
    submission.areas = list(dict.fromkeys(submission.areas))
    if not submission.areas:
        raise BadUserInput("name at least one area of support", field="areas")
    return submission


def check_partner_may_request(partner: PartnerStanding | None, iso: str) -> None:
    if partner is None:
        raise BadUserInput(f"there is no partner {iso!r}", field="partnerIso")
    if partner.suspended:
        raise Conflict(f"cooperation with partner {iso} is suspended: it cannot submit requests",
                       field="partnerIso")
