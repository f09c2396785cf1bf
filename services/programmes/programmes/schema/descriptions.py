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
    "ipap_since": "Year its first IPAP started, 1994 to 2100; null if it has none",
    "tools": "Partnership tools it takes part in; a programme of IPAP, PARP, OCC or DEEP needs its tool here",
}

PROGRAMME = {
    **VERSIONED,
    "id": "The programme's id",
    "partner_iso": "The partner, ISO 3166 alpha-3",
    "type": "The partnership tool",
    "title": "Title, at most 200 characters",
    "summary": "What it aims at, at most 5,000 characters; null when none is given",
    "period_start": "First day of its period, 1 January 1994 or later",
    "period_end": "Last day of its period: not before its start, at most ten years after it and not after 2100; "
    "an IPCP or IPAP runs exactly two years (it ends the day before the second anniversary of its "
    "start)",
    "status": "Where it is in its lifecycle",
}

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

PLANNED_ACTIVITY = {
    "id": "The planned activity's id",
    "activity_id": "The menu activity chosen (its id in the menu)",
    "year": "The year it is planned for, e.g. 2026: within the programme's period",
    "priority": "How much it matters to the partner",
    "status": "Where it is in its lifecycle",
    "objective_id": "The objective of the same programme it serves; null when none",
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
    "partner_iso": "Programmes of this partner (ISO 3166 alpha-3); a partner that does not exist is refused "
    "(BAD_USER_INPUT)",
    "types": "Programmes of any of these tools",
    "statuses": "Programmes in any of these statuses",
}

ORDER = {"field": "What to order by", "direction": "Which way"}
