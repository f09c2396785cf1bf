"""What capacity's fields mean, once for a type, its input and its changes (shared.graphql.descriptions)."""

from __future__ import annotations

REQUEST = {
    "id": "The request's id",
    "partner_iso": "The partner asking for support, ISO 3166 alpha-3",
    "areas": "The areas of support asked for, at least one",
    "title": "Title, at most 200 characters",
    "description": "What support is asked for, at most 10,000 characters",
    "justification": "Why it is needed, at most 10,000 characters; null when none is given",
    "priority": "How much it matters to the partner",
    "status": "Where it is in its lifecycle",
    "created_at": "When it was submitted",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

TRANSITION = {
    "from_status": "The status before; null when it was submitted",
    "to_status": "The status after",
    "actor": "Who took the step: the token's subject and role, or the seed",
    "reason": "Why, when a reason or note was given",
    "at": "When",
}

ASSESSMENT = {
    "id": "The assessment's id",
    "findings": "What the assessors found, at most 10,000 characters",
    "recommendation": "What they recommend",
    "assessor": "Who recorded it: the token's subject and role",
    "created_at": "When it was recorded",
}

CONTRIBUTION = {
    "id": "The contribution's id",
    "nation": "The contributing nation, ISO 3166 alpha-3; an Ally contributes as its own nation only",
    "kind": "What it gives",
    "quantity": "How many people, 1 to 10,000, for ADVISERS and TRAINERS; null otherwise",
    "amount": "For FUNDS, in `currency`: positive, at most two decimals; null otherwise",
    "currency": "ISO 4217 code of `amount`, for FUNDS; null otherwise",
    "description": "What is given, required for IN_KIND (or a remark on any kind), at most 2,000 characters; "
    "null when none",
}

MEASURE = {
    "id": "The measure's id",
    "area": "Its area of support",
    "title": "Title, at most 300 characters",
    "lead_nation": "The nation that leads it, ISO 3166 alpha-3",
    "contributing_nations": "Nations that contribute to it, ISO 3166 alpha-3 (a contribution by a nation other "
    "than the lead adds it)",
    "activity_ids": "Ids of the menu activities it links; each must be published on the menu",
}

PACKAGE = {
    "id": "The package's id",
    "summary": "What the support amounts to, at most 10,000 characters",
    "approved_on": "The day its approval by the North Atlantic Council was recorded; null until then",
    "review_date": "When it is due for review, two years after approval; null until approved",
}

REPORT = {
    "id": "The report's id",
    "period": "The period reported on: a year (2026), a half (2026-H1) or a quarter (2026-Q3)",
    "status": "How it is going",
    "narrative": "What happened in the period, at most 10,000 characters",
    "created_at": "When it was reported",
}

TOTALS = {
    "advisers": "How many advisers are given, over all measures",
    "trainers": "How many trainers are given, over all measures",
    "in_kind": "How many contributions in kind, over all measures",
    "funds": "Funds given, one total per currency, by currency code",
    "currency": "ISO 4217 currency code",
    "amount": "The amount in that currency",
}

PAYLOAD = {
    "request": "The request, at its new version",
    "assessment": "The assessment",
    "package": "The package",
    "measure": "The measure",
    "contribution": "The contribution",
    "report": "The progress report",
    "removed_id": "The id of what was removed",
}

FILTER = {
    "partner_iso": "Requests of this partner, ISO 3166 alpha-3 (any case); a partner capacity does not know is "
    "BAD_USER_INPUT",
    "statuses": "Requests in any of these statuses; empty or null: any status",
    "areas": "Requests asking for any of these areas; empty or null: any area",
    "on_hold": "Requests on hold (true) or not (false); null: both",
}

ORDER = {"field": "What to order by", "direction": "Which way"}
