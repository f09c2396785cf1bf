"""The domain's enums, registered with strawberry once, before any type or input uses them."""

from programmes.domain import (
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
)
from programmes.repository import ProgrammeOrder
from shared.graphql.enums import described_enum

described_enum(ProgrammeType, "The partnership tool a programme belongs to", {
    "IPCP": "Individual Partnership and Cooperation Programme (two years)",
    "IPAP": "Individual Partnership Action Plan (two years; by invitation of the North Atlantic Council)",
    "ITPP": "Individually Tailored Partnership Programme",
    "PARP": "Planning and Review Process (for partners that joined it)",
    "OCC": "Operational Capabilities Concept evaluation and feedback (for partners that joined it)",
    "DEEP": "Defence Education Enhancement Programme",
    "PDP": "Professional Development Programme",
    "PAP_DIB": "Partnership Action Plan on Defence Institution Building",
    "BI": "Building Integrity",
    "OTHER": "Any other programme",
})
described_enum(ProgrammeStatus, "DRAFT -> SUBMITTED -> IN_NEGOTIATION -> APPROVED -> IMPLEMENTING -> COMPLETED; "
                                "WITHDRAWN before approval; SUPERSEDED by a newer revision", {
    "DRAFT": "Being prepared by the partner (or staff); its content can change",
    "SUBMITTED": "Submitted by the partner to NATO; content can still change",
    "IN_NEGOTIATION": "Being negotiated with NATO staff; content can still change",
    "APPROVED": "Approved by the North Atlantic Council",
    "IMPLEMENTING": "Being carried out",
    "COMPLETED": "Its period ended and it was completed",
    "WITHDRAWN": "Withdrawn before approval (with a reason)",
    "SUPERSEDED": "Replaced by a newer approved revision of the same partner and type",
})
described_enum(ObjectiveCategory, "IPAP chapter, or ITPP strategic objective / partnership goal", {
    "POLITICAL_AND_SECURITY": "IPAP chapter: political and security issues",
    "DEFENCE_AND_MILITARY": "IPAP chapter: defence, security and military issues",
    "PUBLIC_DIPLOMACY": "IPAP chapter: public diplomacy",
    "SCIENCE_AND_ENVIRONMENT": "IPAP chapter: science and environment",
    "CIVIL_EMERGENCY_PLANNING": "IPAP chapter: civil emergency planning",
    "ADMINISTRATIVE_PROTECTIVE_SECURITY_RESOURCES": "IPAP chapter: administrative, protective security and "
                                                    "resource issues",
    "STRATEGIC_OBJECTIVE": "ITPP: a strategic objective (partnership goals sit under it)",
    "PARTNERSHIP_GOAL": "ITPP: a partnership goal under a strategic objective",
    "GENERAL": "Any other objective",
})
described_enum(PlannedActivityStatus, "PLANNED -> CONFIRMED -> DONE; FLAGGED when the menu withdraws the activity", {
    "PLANNED": "Chosen for the year",
    "CONFIRMED": "Confirmed by NATO staff",
    "DONE": "Done: the partner's participants attended an occurrence (occurrenceId), or staff marked it done",
    "FLAGGED": "The menu withdrew the activity (flagReason says why); final",
})
described_enum(AssessmentRating, "How far a PARP partnership goal was met in a review cycle", {
    "MET": "Met", "PARTIALLY_MET": "Partly met", "NOT_MET": "Not met", "NOT_ASSESSED": "Not assessed in this cycle",
}, name="ProgrammeAssessmentRating")
described_enum(OccLevel, "OCC evaluation level: self (SEL) or NATO (NEL) evaluation, level 1 or 2", {
    "SEL1": "Self-evaluation, level 1", "NEL1": "NATO evaluation, level 1",
    "SEL2": "Self-evaluation, level 2", "NEL2": "NATO evaluation, level 2",
})
described_enum(OccResult, "What an OCC evaluation found", {
    "INTEROPERABLE": "The unit is interoperable at that level", "PARTIALLY": "Partly interoperable",
    "NOT_INTEROPERABLE": "Not interoperable", "NOT_EVALUATED": "Not evaluated",
})
described_enum(ProgrammeOrder, "What programmes are sorted by", {
    "PERIOD_START": "Start of the period", "UPDATED_AT": "When it last changed",
}, name="ProgrammeOrderField")

__all__ = ["AssessmentRating", "ObjectiveCategory", "OccLevel", "OccResult", "PlannedActivityStatus",
           "ProgrammeOrder", "ProgrammeStatus", "ProgrammeType"]
