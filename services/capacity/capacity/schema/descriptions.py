"""What capacity's fields mean, once for a type, its input and its changes (shared.graphql.descriptions)."""

from __future__ import annotations

REQUEST = {
    "id": "The request's id",
    "partner_iso": "The partner asking for support, ISO 3166 alpha-3",
    "areas": "The areas of support asked for",
    "title": "Title, at most 200 characters",
    "description": "What support is asked for",
    "justification": "Why it is needed; null when none is given",
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
    "findings": "What the assessors found",
    "recommendation": "What they recommend",
    "assessor": "Who assessed it",
    "created_at": "When it was recorded",
}

CONTRIBUTION = {
    "id": "The contribution's id",
    "nation": "The contributing nation, ISO 3166 alpha-3 (an Ally or a partner)",
    "kind": "What it gives",
    "quantity": "People, for ADVISERS and TRAINERS; null otherwise",
    "amount": "For FUNDS, in `currency`; null otherwise",
    "currency": "ISO 4217 code of `amount`, for FUNDS; null otherwise",
    "description": "What is given, for IN_KIND (and any remark); null when none",
}

MEASURE = {
    "id": "The measure's id",
    "area": "Its area of support",
    "title": "Title, at most 200 characters",
    "lead_nation": "The nation that leads it, ISO 3166 alpha-3",
    "contributing_nations": "Nations that contribute to it, ISO 3166 alpha-3 (a contribution adds its nation)",
    "activity_ids": "Menu activities it links, published as far as capacity knows",
}

PACKAGE = {
    "id": "The package's id",
    "summary": "What the support amounts to",
    "approved_on": "When the North Atlantic Council approved it; null until then",
    "review_date": "When it is next reviewed (two years after approval); null until approved",
}

REPORT = {
    "id": "The report's id",
    "period": "The period reported on: a year, a half (2026-H1) or a quarter (2026-Q3)",
    "status": "How it is going",
    "narrative": "What happened in the period",
    "created_at": "When it was reported",
}

TOTALS = {
    "advisers": "Advisers given, over all measures",
    "trainers": "Trainers given, over all measures",
    "in_kind": "Contributions in kind",
    "funds": "Funds given, one total per currency",
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
    "partner_iso": "Requests of this partner (ISO 3166 alpha-3)",
    "statuses": "Requests in any of these statuses",
    "areas": "Requests asking for any of these areas",
    "on_hold": "Requests on hold (true) or not (false)",
}

ORDER = {"field": "What to order by", "direction": "Which way"}
