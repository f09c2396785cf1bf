"""Who is calling. Authentication arrives in a later issue; until then everyone is `anonymous`.

Every data-access function already takes the caller, so scoping will be added here,
in one place, without changing its callers.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    roles: frozenset[str] = field(default_factory=frozenset)
    partner_iso: str | None = None


ANONYMOUS = Actor("anonymous")
SYSTEM = Actor("system", frozenset({"system"}))


def actor_from_headers(headers: object) -> Actor:
    """No token is checked yet: every request is allowed and recorded as anonymous."""
    return ANONYMOUS
