"""The domain's enums, registered with strawberry once, before any type or input uses them."""

from programmes.operations.rules import ContributionKind, ContributionStatus, Operation
from programmes.platform.rules import ActionStatus, AssignmentStatus, MeetingFormat, MeetingStatus
from programmes.programmes.repository import ProgrammeOrder
from programmes.programmes.rules import (
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
)
from shared.graphql.enums import described_enum

described_enum(
    ProgrammeType,
    "The partnership tool a programme belongs to (also the tools a partner takes part in)",
    {
        "IPCP": "Individual Partnership and Cooperation Programme; runs exactly two years",
        "IPAP": "Individual Partnership Action Plan; runs exactly two years; only for a partner the North Atlantic "
        "Council invited (IPAP among its tools)",
        "ITPP": "Individually Tailored Partnership Programme: strategic objectives with partnership goals under them",
        "PARP": "Planning and Review Process: partnership goals assessed each review cycle; only for a partner that "
        "joined it (PARP among its tools)",
        "OCC": "Operational Capabilities Concept evaluation and feedback of declared units; only for a partner that "
        "joined it (OCC among its tools)",
        "DEEP": "Defence Education Enhancement Programme; only for a partner that takes part (DEEP among its tools)",
        "PDP": "Professional Development Programme",
        "PAP_DIB": "Partnership Action Plan on Defence Institution Building",
        "BI": "Building Integrity",
        "PAP_T": "Partnership Action Plan against Terrorism",
        "OTHER": "Any other programme; unlike the other tools, a partner may prepare several at a time",
    },
)
described_enum(
    ProgrammeStatus,
    "DRAFT -> SUBMITTED -> IN_NEGOTIATION -> APPROVED -> IMPLEMENTING -> COMPLETED; "
    "WITHDRAWN from DRAFT, SUBMITTED or IN_NEGOTIATION; SUPERSEDED from APPROVED or "
    "IMPLEMENTING when a newer revision is approved",
    {
        "DRAFT": "Being prepared by the partner (or staff); its details can change",
        "SUBMITTED": "Submitted to NATO; its details can still change",
        "IN_NEGOTIATION": "Being negotiated with NATO staff; its details can still change",
        "APPROVED": "Approved by the North Atlantic Council; its details are fixed, its objectives and plans can still "
        "change",
        "IMPLEMENTING": "Being carried out; its objectives and plans can still change",
        "COMPLETED": "Carried out and closed by staff; final, nothing in it changes any more",
        "WITHDRAWN": "Withdrawn before approval, with a reason; final",
        "SUPERSEDED": "Replaced by a newer approved revision of the same partner and type; final",
    },
)
described_enum(
    ObjectiveCategory,
    "Where an objective sits: an IPAP chapter, an ITPP level, or GENERAL. An IPAP takes "
    "only its six chapters, an ITPP only its two levels; other programmes take any",
    {
        "POLITICAL_AND_SECURITY": "IPAP chapter: political and security issues",
        "DEFENCE_AND_MILITARY": "IPAP chapter: defence, security and military issues",
        "PUBLIC_DIPLOMACY": "IPAP chapter: public diplomacy",
        "SCIENCE_AND_ENVIRONMENT": "IPAP chapter: science and environment",
        "CIVIL_EMERGENCY_PLANNING": "IPAP chapter: civil emergency planning",
        "ADMINISTRATIVE_PROTECTIVE_SECURITY_RESOURCES": "IPAP chapter: administrative, protective security and "
        "resource issues",
        "STRATEGIC_OBJECTIVE": "ITPP: a strategic objective, at the top (no parent); partnership goals sit under it",
        "PARTNERSHIP_GOAL": "ITPP: a partnership goal, under a strategic objective (its parentId); not a PARP "
        "PartnershipGoal",
        "GENERAL": "Any other objective, in a programme that is neither an IPAP nor an ITPP",
    },
)
described_enum(
    PlannedActivityStatus,
    "PLANNED -> CONFIRMED -> DONE; FLAGGED (from PLANNED or CONFIRMED) when the menu withdraws the activity",
    {
        "PLANNED": "Chosen for the year, not yet confirmed",
        "CONFIRMED": "Confirmed by NATO staff",
        "DONE": "Done: the partner's participants attended an occurrence (occurrenceId), or staff marked it done; "
        "final, and it stays in the record (it cannot be removed)",
        "FLAGGED": "The menu withdrew the activity (flagReason says why); final",
    },
)
described_enum(
    AssessmentRating,
    "How far a PARP partnership goal was met in a review cycle",
    {
        "MET": "The goal was met",
        "PARTIALLY_MET": "The goal was partly met",
        "NOT_MET": "The goal was not met",
        "NOT_ASSESSED": "The goal was not assessed in this cycle",
    },
    name="ProgrammeAssessmentRating",
)
described_enum(
    OccLevel,
    "OCC evaluation level: self (SEL) or NATO (NEL) evaluation, level 1 or 2",
    {
        "SEL1": "Self-evaluation, level 1",
        "NEL1": "NATO evaluation, level 1",
        "SEL2": "Self-evaluation, level 2",
        "NEL2": "NATO evaluation, level 2",
    },
)
described_enum(
    OccResult,
    "What an OCC evaluation found about the unit",
    {
        "INTEROPERABLE": "The unit is interoperable at that level",
        "PARTIALLY": "The unit is partly interoperable",
        "NOT_INTEROPERABLE": "The unit is not interoperable",
        "NOT_EVALUATED": "No finding: the unit was not evaluated",
    },
)
described_enum(
    ProgrammeOrder,
    "What programmes are sorted by; programmes that tie keep a stable order (by id)",
    {
        "PERIOD_START": "The first day of the period",
        "UPDATED_AT": "When it last changed",
    },
    name="ProgrammeOrderField",
)


described_enum(
    MeetingFormat,
    "How an Interoperability Platform meeting is held",
    {
        "PLENARY": "All member partners with the Allies",
        "THEMATIC": "Members interested in one subject (education and training, exercises, capabilities)",
        "MINISTERIAL": "Defence ministers of the Allies and member partners",
    },
)
described_enum(
    MeetingStatus,
    "Where a Platform meeting is: PLANNED -> HELD, or CANCELLED",
    {
        "PLANNED": "Scheduled",
        "HELD": "It took place; it may set common actions",
        "CANCELLED": "It will not take place (with a reason)",
    },
)
described_enum(
    ActionStatus,
    "Where a common action is: OPEN -> COMPLETED (each assignee completed it), or DROPPED",
    {
        "OPEN": "Being carried out",
        "COMPLETED": "Every assignee has completed it",
        "DROPPED": "Staff dropped it (with a reason)",
    },
)
described_enum(
    AssignmentStatus,
    "An assignee's progress on a common action: ASSIGNED -> IN_PROGRESS -> COMPLETED",
    {
        "ASSIGNED": "Not started",
        "IN_PROGRESS": "Under way",
        "COMPLETED": "Done",
    },
)
described_enum(
    Operation,
    "A NATO-led operation partners contributed to",
    {
        "IFOR": "Implementation Force, Bosnia and Herzegovina (1995-1996)",
        "SFOR": "Stabilisation Force, Bosnia and Herzegovina (1996-2004)",
        "KFOR": "Kosovo Force (since 1999)",
        "ISAF": "International Security Assistance Force, Afghanistan (2003-2014)",
        "RSM": "Resolute Support Mission, Afghanistan (2015-2021)",
        "OAE": "Operation Active Endeavour, Mediterranean (2001-2016)",
        "OOS": "Operation Ocean Shield, Gulf of Aden and Horn of Africa (2009-2016)",
        "OUP": "Operation Unified Protector, Libya (2011)",
        "OSG": "Operation Sea Guardian, Mediterranean (since 2016)",
        "NMI": "NATO Mission Iraq (since 2018)",
    },
    name="OperationCode",
)
described_enum(
    ContributionKind,
    "What a partner contributes to an operation (size counts personnel, unless said otherwise)",
    {
        "TROOPS": "Troops (personnel)",
        "STAFF_OFFICERS": "Officers in the operation's headquarters (personnel)",
        "TRAINERS": "Trainers and advisers (personnel)",
        "MEDICAL": "Medical teams (personnel)",
        "ENGINEERS": "Engineers (personnel)",
        "SHIPS": "Ships (ships)",
        "AIRCRAFT": "Aircraft (aircraft)",
        "FUNDING": "Funds, e.g. to a trust fund (thousand euros)",
    },
    name="OperationalContributionKind",
)
described_enum(
    ContributionStatus,
    "Where a contribution is: OFFERED -> ACCEPTED -> DEPLOYED -> ENDED; DECLINED "
    "by staff, or WITHDRAWN by the partner before it deploys",
    {
        "OFFERED": "Offered by the partner",
        "ACCEPTED": "Accepted into the operation's force",
        "DEPLOYED": "In the operation",
        "ENDED": "It ended (its period's end is set)",
        "DECLINED": "Not taken (with a reason)",
        "WITHDRAWN": "The partner withdrew it",
    },
    name="OperationalContributionStatus",
)

__all__ = [
    "ActionStatus",
    "AssessmentRating",
    "AssignmentStatus",
    "ContributionKind",
    "ContributionStatus",
    "MeetingFormat",
    "MeetingStatus",
    "ObjectiveCategory",
    "OccLevel",
    "OccResult",
    "Operation",
    "PlannedActivityStatus",
    "ProgrammeOrder",
    "ProgrammeStatus",
    "ProgrammeType",
]
