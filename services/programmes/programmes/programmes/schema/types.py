"""Programmes' own GraphQL types (those the shared types in programmes.types only reference), what their fields
mean, and its enums registered with strawberry, every value described (ProgrammeType, which partners use too, in
programmes.types)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

# Registered below, and taken from here by every other schema module (strawberry would register a plain
# enum on its own if an input named it first).
from programmes.programmes.repository import ProgrammeOrder as ProgrammeOrder
from programmes.programmes.rules import AssessmentRating as AssessmentRating
from programmes.programmes.rules import ObjectiveCategory as ObjectiveCategory
from programmes.programmes.rules import OccLevel as OccLevel
from programmes.programmes.rules import OccResult as OccResult
from programmes.programmes.rules import PlannedActivityStatus as PlannedActivityStatus
from programmes.programmes.rules import ProgrammeStatus as ProgrammeStatus
from shared.graphql.descriptions import described
from shared.graphql.enums import described_enum
from shared.graphql.vocabulary import WpsMarker

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

# What the fields mean, once for a type, its input and its changes (shared.graphql.descriptions).
TRANSITION = {
    "from_status": "The status before; null when it was created",
    "to_status": "The status after",
    "actor": 'Who took the step, as "subject (role)" from the caller\'s token, or the seed',
    "note": "The note or withdrawal reason given with the step; on creation the revision created, on a "
    "supersession the revision that replaced it; null when none was given",
    "at": "When",
}

OBJECTIVE = {
    "id": "The objective's id",
    "category": "Where it sits: its IPAP chapter, its ITPP level, or GENERAL",
    "title": "Title, at most 300 characters",
    "description": "More detail, at most 5,000 characters; null when none is given",
    "wps_marker": "How much it serves the Women, Peace and Security agenda (UNSCR 1325); NOT_TARGETED when not given",
    "parent_id": "The objective of the same programme it sits under (an ITPP partnership goal under its "
    "strategic objective); null at the top",
    "version": "Counts the objective's own changes; a change to it is checked against its programme's version "
    "(expectedVersion), not this one",
}

GOAL = {
    "id": "The goal's id",
    "code": "Its code, unique within the programme, e.g. G 0001 or LOG 1.2 (kept in capitals)",
    "text": "What the partner commits to, at most 5,000 characters",
    "due_date": "When it is due, within the programme's period; null when open-ended",
}

ASSESSMENT = {
    "id": "The assessment's id",
    "cycle": "The review cycle: a year or a span of years, e.g. 2026 or 2025-2026",
    "rating": "How far the goal was met",
    "comment": "The assessors' remarks, at most 5,000 characters; null when none",
    "created_at": "When it was recorded",
}

OCC_EVALUATION = {
    "id": "The evaluation's id",
    "unit": "The declared unit evaluated, e.g. Light infantry company (at most 300 characters)",
    "level": "The evaluation level",
    "result": "What it found",
    "evaluated_on": "The day it took place; not in the future",
    "remarks": "The evaluators' remarks, at most 5,000 characters; null when none",
}


@described(TRANSITION)
@strawberry.type(description="One step of a programme's lifecycle")
class ProgrammeTransition:
    from_status: ProgrammeStatus | None
    to_status: ProgrammeStatus
    actor: str
    note: str | None
    at: datetime


@strawberry.type(description="One step of a planned activity's lifecycle")
class PlannedActivityTransition:
    from_status: PlannedActivityStatus | None = strawberry.field(description="The status before; null when planned")
    to_status: PlannedActivityStatus = strawberry.field(description="The status after")
    actor: str = strawberry.field(
        description="Who took the step: the token's subject and role, or whoever caused "
        "the event programmes applied (an attendance, a withdrawal)"
    )
    note: str | None = strawberry.field(
        description="Why, for a step programmes took on its own: the occurrence "
        "attended, or the menu's withdrawal and its reason; null for a "
        "step a caller took"
    )
    at: datetime = strawberry.field(description="When")


@described(OBJECTIVE)
@strawberry.type(
    description="An objective of a programme: in an IPAP chapter, an ITPP strategic objective or "
    "partnership goal, or a general one; parentId makes them a tree"
)
class Objective:
    id: strawberry.ID
    category: ObjectiveCategory
    title: str
    description: str | None
    parent_id: strawberry.ID | None
    wps_marker: WpsMarker
    version: int


@described(ASSESSMENT)
@strawberry.type(name="ProgrammeAssessment", description="How far a PARP partnership goal was met in a review cycle")
class Assessment:
    id: strawberry.ID
    cycle: str
    rating: AssessmentRating
    comment: str | None
    created_at: datetime


@described(GOAL)
@strawberry.type(description="A PARP partnership goal")
class PartnershipGoal:
    id: strawberry.ID
    code: str
    text: str
    due_date: date | None

    @strawberry.field(description="Its assessments, at most one per review cycle, by cycle")
    async def assessments(self, info: strawberry.Info) -> list[Assessment]:
        return await info.context.loaders.assessments.load(self.id)


@described(OCC_EVALUATION)
@strawberry.type(description="An OCC evaluation of a declared unit")
class OccEvaluation:
    id: strawberry.ID
    unit: str
    level: OccLevel
    result: OccResult
    evaluated_on: date
    remarks: str | None


@strawberry.type(
    description="How a partner's programmes in force (APPROVED or IMPLEMENTING) serve Women, Peace "
    "and Security (UNSCR 1325)"
)
class WpsSummary:
    objectives_principal: int = strawberry.field(description="Objectives whose main purpose is WPS")
    objectives_significant: int = strawberry.field(description="Objectives where WPS is a significant part")
    objectives_total: int = strawberry.field(description="All their objectives")
    objective_share: float | None = strawberry.field(
        description="The share of objectives serving WPS (principal or significant), 0 to 1; null with none"
    )
    planned_activities_serving: int = strawberry.field(
        description="Planned menu activities the menu marks as serving WPS"
    )
    planned_activities_total: int = strawberry.field(description="All their planned menu activities")
    planned_activity_share: float | None = strawberry.field(
        description="The share of planned activities serving WPS, 0 to 1; null with none"
    )
