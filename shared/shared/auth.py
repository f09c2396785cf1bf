"""Who is calling, and the rules that say what each kind of caller may do. Pure: no I/O.

A caller signs in with an OpenID Connect issuer; its access token names one of the roles
below and, where the role needs it, what the account is bound to (a partner, a nation, an
activity provider). Use cases and repositories take the caller and apply these rules
themselves, so every path (root fields, nested fields, entity references, subscriptions,
counts) obeys them; deny by default.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from shared.errors import Forbidden, Unauthenticated


class Role(str, Enum):
    STAFF = "staff"  # NATO International Staff / International Military Staff: everything
    PROVIDER = "provider"  # an activity provider, bound to its provider code (the pcmRef prefix)
    ALLY = "ally"  # an Allied delegation, bound to its nation
    PARTNER = "partner"  # a partner country's officials, bound to one partner ISO code
    SYSTEM = "system"  # another system, by client credentials: reads everything, changes nothing


# A token naming several roles acts with the first of them in this order.
PRECEDENCE = (Role.STAFF, Role.SYSTEM, Role.ALLY, Role.PROVIDER, Role.PARTNER)
# Roles that see every partner's data (a partner sees its own only).
SEES_ALL = frozenset({Role.STAFF, Role.SYSTEM, Role.ALLY, Role.PROVIDER})


@dataclass(frozen=True, slots=True)
class Actor:
    subject: str
    role: Role | None = None
    partner_iso: str | None = None
    nation: str | None = None
    provider: str | None = None
    expires_at: float | None = None  # seconds since the epoch, from the token

    @property
    def id(self) -> str:
        """How history rows and events (`ce_actor`) name the caller: its subject and role."""
        return f"{self.subject} ({self.role.value})" if self.role else self.subject

    @property
    def signed_in(self) -> bool:
        return self.role is not None

    def is_(self, *roles: Role) -> bool:
        return self.role in roles

    @property
    def partner_only(self) -> str | None:
        """The partner whose data alone this caller may see, or None when it sees every partner's."""
        if self.role is Role.PARTNER:
            return self.partner_iso or "-"  # a partner account without its binding sees nothing
        return None

    @classmethod
    def from_claims(
        cls,
        subject: str,
        roles: Iterable[str],
        partner_iso: str | None = None,
        nation: str | None = None,
        provider: str | None = None,
        expires_at: float | None = None,
    ) -> Actor:
        known = {r for r in (Role._value2member_map_.get(str(value)) for value in roles) if r is not None}
        role = next((r for r in PRECEDENCE if r in known), None)
        return cls(subject, role, _upper(partner_iso), _upper(nation), _upper(provider), expires_at)


def _upper(value: object) -> str | None:
    return str(value).strip().upper() if value else None


ANONYMOUS = Actor("anonymous")
# Who changes things on nobody's request, trusted as staff: seeds, and consumers applying owners' events.
SEEDING = Actor("seed", Role.STAFF)
EVENTS = Actor("events", Role.STAFF)
# The republish command: it changes nothing, it tells again what is.
REPUBLISHING = Actor("republish", Role.SYSTEM)


@dataclass(frozen=True)
class Rule:
    """What a kind of caller may do: `allowed` roles may; `own` roles among them only for what they are
    bound to (their partner, nation or provider), which the use case or query checks."""

    name: str
    allowed: frozenset[Role]
    own: frozenset[Role] = field(default_factory=frozenset)

    def require(self, actor: Actor) -> None:
        if not actor.signed_in:
            raise Unauthenticated("sign in: this needs an access token")
        if actor.role not in self.allowed:
            raise Forbidden(f"a {actor.role.value if actor.role else 'caller'} may not {self.name}")

    def covers(self, role: Role) -> str:
        """allowed, own or forbidden, as the authorization matrix reads it."""
        if role not in self.allowed:
            return "forbidden"
        return "own" if role in self.own else "allowed"


def rule(name: str, *allowed: Role, own: Iterable[Role] = ()) -> Rule:
    return Rule(name, frozenset(allowed), frozenset(own))


EVERYONE = (Role.STAFF, Role.PROVIDER, Role.ALLY, Role.PARTNER, Role.SYSTEM)
