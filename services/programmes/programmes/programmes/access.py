"""Who may do what with programmes (deny by default). Pure.

Staff take programmes through negotiation, approval and implementation. A partner prepares its own programmes
(drafts, edits, objectives, plans, submission, withdrawal) and reads only its own; Allies and other systems
read every programme; providers read none.
"""

from __future__ import annotations

from shared.auth import Role, rule

READ_PROGRAMMES = rule("read programmes", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,))
PREPARE_PROGRAMMES = rule("prepare programmes", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))
DECIDE_PROGRAMMES = rule("negotiate, approve and follow programmes", Role.STAFF)

SCHEMA_RULES = {
    "Query.programme": READ_PROGRAMMES,
    "Query.programmes": READ_PROGRAMMES,
    "Mutation.createProgramme": PREPARE_PROGRAMMES,
    "Mutation.updateProgramme": PREPARE_PROGRAMMES,
    "Mutation.submitProgramme": PREPARE_PROGRAMMES,
    "Mutation.withdrawProgramme": PREPARE_PROGRAMMES,
    "Mutation.addObjective": PREPARE_PROGRAMMES,
    "Mutation.updateObjective": PREPARE_PROGRAMMES,
    "Mutation.removeObjective": PREPARE_PROGRAMMES,
    "Mutation.planActivity": PREPARE_PROGRAMMES,
    "Mutation.removePlannedActivity": PREPARE_PROGRAMMES,
    "Mutation.startProgrammeNegotiation": DECIDE_PROGRAMMES,
    "Mutation.approveProgramme": DECIDE_PROGRAMMES,
    "Mutation.startProgrammeImplementation": DECIDE_PROGRAMMES,
    "Mutation.completeProgramme": DECIDE_PROGRAMMES,
    "Mutation.confirmPlannedActivity": DECIDE_PROGRAMMES,
    "Mutation.completePlannedActivity": DECIDE_PROGRAMMES,
    "Mutation.addPartnershipGoal": DECIDE_PROGRAMMES,
    "Mutation.assessPartnershipGoal": DECIDE_PROGRAMMES,
    "Mutation.recordOccEvaluation": DECIDE_PROGRAMMES,
    "Programme": READ_PROGRAMMES,
    "Partner.programmes": READ_PROGRAMMES,
    "Activity.plannedBy": READ_PROGRAMMES,
    "Subscription.programmeChanged": READ_PROGRAMMES,
    "Partner.wpsSummary": READ_PROGRAMMES,
}

# The lifecycle steps a partner takes on its own programmes; staff take the others.
PARTNER_STEPS = frozenset({"submitted", "withdrawn"})
