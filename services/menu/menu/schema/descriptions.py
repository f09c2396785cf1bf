"""What the menu's fields mean, once for the type, its input and its changes (shared.graphql.descriptions)."""

from __future__ import annotations

ACTIVITY = {
    "id": "The activity's id (a UUID), the same in events and every subgraph",
    "pcm_ref": "The menu's own reference: the provider's code, a dot and a number, e.g. NSO.396",
    "title": "Title, at most 200 characters",
    "description": "What it covers and for whom, at most 5,000 characters",
    "area_code": "Code of its area of cooperation, e.g. CYB",
    "kind": "What kind of event it is",
    "provider_kind": "What kind of body offers it (its provider's kind)",
    "provider_name": "Who offers it, e.g. NATO School Oberammergau (its provider's name)",
    "wps_marker": "How much it serves the Women, Peace and Security agenda (UNSCR 1325)",
    "level": "The level it is pitched at",
    "languages": "Working languages, ISO 639-1 codes",
    "fee_eur": "Fee in euros; null when free",
    "contact_name": "Point of contact; null when none is given",
    "contact_email": "The point of contact's email address; null when none is given",
    "frameworks": "Partnership frameworks whose partners may attend",
    "eligible_partners": "Partners (ISO 3166 alpha-3) it is open to beyond its frameworks",
    "tags": "Lower-case keywords (letters, digits, dashes), at most 20",
    "status": "Where it is in its lifecycle",
    "withdrawal_reason": "Why it was withdrawn; null unless WITHDRAWN",
    "next_start_date": "Start of the next occurrence still to come; null when none is planned",
    "created_at": "When it was created",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

OCCURRENCE = {
    "id": "The occurrence's id",
    "start_date": "First day; an occurrence is scheduled from today up to ten years ahead",
    "end_date": "Last day, on or after the start and at most a year after it",
    "location": "Where it takes place",
    "host": "Who hosts it",
    "seats": "Seats offered, 1 to 10,000; not below the seats nominations hold",
    "registration_deadline": "Last day for nominations, on or before the start; null: until the day before",
    "status": "Where it is in its lifecycle",
    "cancellation_reason": "Why it was cancelled; null unless CANCELLED",
    "created_at": "When it was scheduled",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}

FILTER = {
    "area_codes": "Activities of any of these areas of cooperation (codes)",
    "kinds": "Activities of any of these kinds",
    "levels": "Activities at any of these levels",
    "tags": "Activities with any of these tags",
    "provider_kinds": "Activities offered by any of these kinds of provider",
    "statuses": "Activities in any of these statuses",
    "frameworks": "Activities open to any of these frameworks",
}

PROVIDER = {
    "code": "Its code, the prefix of its activities' pcmRefs and what a provider's account is bound to, e.g. NSO",
    "name": "Its name, e.g. NATO School Oberammergau, at most 200 characters",
    "kind": "What kind of body it is",
    "country": "The country it is in, or the nation itself (ISO 3166 alpha-3)",
    "city": "The city it is in; null when not given",
    "accredited_since": "The year NATO accredited it as a PTEC or a COE; null for others",
    "website": "Its https:// address; null when not given",
    "contact_name": "Its partnership point of contact; null when not given",
    "contact_email": "The point of contact's email address; null when not given",
    "status": "Where it is in its lifecycle",
    "created_at": "When it was registered",
    "updated_at": "When it last changed",
    "version": "Optimistic-concurrency version: pass it as expectedVersion to change it",
}
