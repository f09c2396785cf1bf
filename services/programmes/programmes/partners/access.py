"""Who may read and change partners (deny by default). Pure.

Staff administer partners. Everyone reads the partners, but only a partner itself (and the roles that see all
partners) reads its flags and tools.
"""

from __future__ import annotations

from shared.auth import EVERYONE, Actor, Role, rule

READ_PARTNERS = rule("read partners", *EVERYONE)
PARTNER_FLAGS = rule("read a partner's flags and tools", *EVERYONE, own=(Role.PARTNER,))
ADMINISTER_PARTNERS = rule("administer partners", Role.STAFF)

FLAG_FIELDS = (
    "suspended",
    "suspensionReason",
    "enhancedOpportunities",
    "interoperabilityPlatform",
    "ipapSince",
    "dcb",
    "deep",
    "tools",
    "platformJoinedOn",
    "platformLeftOn",
)
SCHEMA_RULES = {
    "Query.partners": READ_PARTNERS,
    "Query.partner": READ_PARTNERS,
    "Mutation.changePartnerFramework": ADMINISTER_PARTNERS,
    "Mutation.updatePartnerFlags": ADMINISTER_PARTNERS,
    "Mutation.suspendPartner": ADMINISTER_PARTNERS,
    "Mutation.reinstatePartner": ADMINISTER_PARTNERS,
    "Partner": READ_PARTNERS,
    **{f"Partner.{name}": PARTNER_FLAGS for name in FLAG_FIELDS},
    "Partner.history": PARTNER_FLAGS,
}


def sees_partner(caller: Actor, iso: str) -> bool:
    """Whether the caller sees what belongs to this partner (its programmes, flags)."""
    own = caller.partner_only
    return own is None or own == iso


def reads_flags_of(caller: Actor, iso: str) -> bool:
    """Whether the caller reads this partner's flags and tools: the partner itself and the roles that see every
    partner do, another partner reads null (a caller that may read no flags is FORBIDDEN)."""
    PARTNER_FLAGS.require(caller)
    return sees_partner(caller, iso)
