"""Who may do what with partners and programmes (deny by default). Pure.

Staff administer partners and take programmes through negotiation, approval and implementation.
A partner prepares its own programmes (drafts, edits, objectives, plans, submission, withdrawal)
and reads only its own; Allies and other systems read every programme; providers read none.
Everyone reads the partners, but only a partner itself (and the roles that see all partners)
reads its flags and tools.
"""

from __future__ import annotations

from shared.auth import EVERYONE, Actor, Role, rule

READ_PARTNERS = rule("read partners", *EVERYONE)
PARTNER_FLAGS = rule("read a partner's flags and tools", *EVERYONE, own=(Role.PARTNER,))
ADMINISTER_PARTNERS = rule("administer partners", Role.STAFF)
READ_PROGRAMMES = rule("read programmes", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,))
PREPARE_PROGRAMMES = rule("prepare programmes", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))
DECIDE_PROGRAMMES = rule("negotiate, approve and follow programmes", Role.STAFF)

FLAG_FIELDS = ("suspended", "suspensionReason", "enhancedOpportunities", "interoperabilityPlatform", "ipapSince",
               "dcb", "deep", "tools")
SCHEMA_RULES = {
    "Query.partners": READ_PARTNERS, "Query.partner": READ_PARTNERS,
    "Query.programme": READ_PROGRAMMES, "Query.programmes": READ_PROGRAMMES,
    "Mutation.changePartnerFramework": ADMINISTER_PARTNERS, "Mutation.updatePartnerFlags": ADMINISTER_PARTNERS,
    "Mutation.suspendPartner": ADMINISTER_PARTNERS, "Mutation.reinstatePartner": ADMINISTER_PARTNERS,
    "Mutation.createProgramme": PREPARE_PROGRAMMES, "Mutation.updateProgramme": PREPARE_PROGRAMMES,
    "Mutation.submitProgramme": PREPARE_PROGRAMMES, "Mutation.withdrawProgramme": PREPARE_PROGRAMMES,
    "Mutation.addObjective": PREPARE_PROGRAMMES, "Mutation.updateObjective": PREPARE_PROGRAMMES,
    "Mutation.removeObjective": PREPARE_PROGRAMMES, "Mutation.planActivity": PREPARE_PROGRAMMES,
    "Mutation.removePlannedActivity": PREPARE_PROGRAMMES,
    "Mutation.startProgrammeNegotiation": DECIDE_PROGRAMMES, "Mutation.approveProgramme": DECIDE_PROGRAMMES,
    "Mutation.startProgrammeImplementation": DECIDE_PROGRAMMES, "Mutation.completeProgramme": DECIDE_PROGRAMMES,
    "Mutation.confirmPlannedActivity": DECIDE_PROGRAMMES, "Mutation.completePlannedActivity": DECIDE_PROGRAMMES,
    "Mutation.addPartnershipGoal": DECIDE_PROGRAMMES, "Mutation.assessPartnershipGoal": DECIDE_PROGRAMMES,
    "Mutation.recordOccEvaluation": DECIDE_PROGRAMMES,
    "Partner": READ_PARTNERS, "Programme": READ_PROGRAMMES,
    "Partner.programmes": READ_PROGRAMMES, "Activity.plannedBy": READ_PROGRAMMES,
    **{f"Partner.{name}": PARTNER_FLAGS for name in FLAG_FIELDS},
    "Partner.history": PARTNER_FLAGS,
    "Subscription.programmeChanged": READ_PROGRAMMES,
}

# The lifecycle steps a partner takes on its own programmes; staff take the others.
PARTNER_STEPS = frozenset({"submitted", "withdrawn"})


def sees_partner(caller: Actor, iso: str) -> bool:
    """Whether the caller sees what belongs to this partner (its programmes, flags)."""
    own = caller.partner_only
    return own is None or own == iso
