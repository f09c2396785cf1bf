"""What programmes' fields mean, once for a type, its input and its changes (shared.graphql.descriptions)."""

from __future__ import annotations

VERSIONED = {
    "created_at": "When it was created",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

PARTNER = {
    **VERSIONED,
    "name": "The country's name",
    "framework": "The partnership framework it belongs to",
    "suspension_reason": "Why cooperation is suspended; null when it is not (or for another partner's caller)",
    "enhanced_opportunities": "Enhanced Opportunities Partner",
    "interoperability_platform": "Member of the Interoperability Platform",
    "dcb": "Receives Defence Capacity Building support",
    "deep": "Takes part in the Defence Education Enhancement Programme",
    "ipap_since": "Year its first IPAP started; null if it has none",
    "tools": "Partnership tools it takes part in",
}

PROGRAMME = {
    **VERSIONED,
    "id": "The programme's id",
    "partner_iso": "The partner, ISO 3166 alpha-3",
    "type": "The partnership tool",
    "title": "Title, at most 200 characters",
    "summary": "What it aims at; null when none is given",
    "period_start": "First day of its period",
    "period_end": "Last day of its period (IPCP and IPAP run two years)",
    "status": "Where it is in its lifecycle",
}

TRANSITION = {
    "from_status": "The status before; null when it was created",
    "to_status": "The status after",
    "actor": "Who took the step: the token's subject and role, or the seed",
    "note": "Why, when a reason or note was given",
    "at": "When",
}

OBJECTIVE = {
    "id": "The objective's id",
    "category": "Its IPAP chapter, or its place in an ITPP",
    "title": "Title, at most 200 characters",
    "description": "More detail; null when none is given",
    "parent_id": "The objective it sits under (an ITPP partnership goal under its strategic objective); null at "
                 "the top",
    "version": "Optimistic-concurrency version",
}

PLANNED_ACTIVITY = {
    "id": "The planned activity's id",
    "activity_id": "The menu activity chosen",
    "year": "The year it is planned for, within the programme's period",
    "priority": "How much it matters to the partner",
    "status": "Where it is in its lifecycle",
    "objective_id": "The objective it serves; null when none",
}

GOAL = {
    "id": "The goal's id",
    "code": "Its code, e.g. G 0001",
    "text": "What the partner commits to",
    "due_date": "When it is due; null when open-ended",
}

ASSESSMENT = {
    "id": "The assessment's id",
    "cycle": "The review cycle, e.g. 2026",
    "rating": "How far the goal was met",
    "comment": "The assessors' remarks; null when none",
    "created_at": "When it was recorded",
}

OCC_EVALUATION = {
    "id": "The evaluation's id",
    "unit": "The declared unit evaluated, e.g. Light infantry company",
    "level": "The evaluation level",
    "result": "What it found",
    "evaluated_on": "When it took place (not in the future)",
    "remarks": "The evaluators' remarks; null when none",
}

PAYLOAD = {
    "programme": "The programme, at its new version",
    "objective": "The objective",
    "planned_activity": "The planned activity",
    "goal": "The partnership goal",
    "assessment": "The assessment",
    "evaluation": "The OCC evaluation",
    "removed_id": "The id of what was removed",
}

FILTER = {
    "partner_iso": "Programmes of this partner (ISO 3166 alpha-3)",
    "types": "Programmes of any of these tools",
    "statuses": "Programmes in any of these statuses",
}

ORDER = {"field": "What to order by", "direction": "Which way"}
