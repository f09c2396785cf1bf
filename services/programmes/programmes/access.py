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

# The Interoperability Platform: staff run it; a partner reads the meetings it attended and the actions assigned
# to it (its own part of each); Allies and systems read everything.
READ_PLATFORM = rule(
    "read the Interoperability Platform's meetings and actions",
    Role.STAFF,
    Role.ALLY,
    Role.SYSTEM,
    Role.PARTNER,
    own=(Role.PARTNER,),
)
RUN_PLATFORM = rule("run the Interoperability Platform: membership, meetings, actions", Role.STAFF)
REPORT_ACTIONS = rule("report progress on common actions", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))

# Contributions to NATO-led operations: a partner offers and withdraws its own and reads only its own; staff
# decide and follow them; Allies and systems read all.
READ_CONTRIBUTIONS = rule(
    "read contributions to operations", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,)
)
OFFER_CONTRIBUTIONS = rule(
    "offer or withdraw contributions to operations", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,)
)
DECIDE_CONTRIBUTIONS = rule("accept, decline and follow contributions to operations", Role.STAFF)

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
    "Query.programme": READ_PROGRAMMES,
    "Query.programmes": READ_PROGRAMMES,
    "Mutation.changePartnerFramework": ADMINISTER_PARTNERS,
    "Mutation.updatePartnerFlags": ADMINISTER_PARTNERS,
    "Mutation.suspendPartner": ADMINISTER_PARTNERS,
    "Mutation.reinstatePartner": ADMINISTER_PARTNERS,
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
    "Partner": READ_PARTNERS,
    "Programme": READ_PROGRAMMES,
    "Partner.programmes": READ_PROGRAMMES,
    "Activity.plannedBy": READ_PROGRAMMES,
    **{f"Partner.{name}": PARTNER_FLAGS for name in FLAG_FIELDS},
    "Partner.history": PARTNER_FLAGS,
    "Subscription.programmeChanged": READ_PROGRAMMES,
    "Mutation.joinInteroperabilityPlatform": RUN_PLATFORM,
    "Mutation.leaveInteroperabilityPlatform": RUN_PLATFORM,
    "Query.platformMeeting": READ_PLATFORM,
    "Query.platformMeetings": READ_PLATFORM,
    "PlatformMeeting": READ_PLATFORM,
    "Query.commonAction": READ_PLATFORM,
    "Query.commonActions": READ_PLATFORM,
    "CommonAction": READ_PLATFORM,
    "Partner.commonActions": READ_PLATFORM,
    "Mutation.schedulePlatformMeeting": RUN_PLATFORM,
    "Mutation.recordPlatformMeetingHeld": RUN_PLATFORM,
    "Mutation.cancelPlatformMeeting": RUN_PLATFORM,
    "Mutation.setCommonAction": RUN_PLATFORM,
    "Mutation.dropCommonAction": RUN_PLATFORM,
    "Mutation.reportCommonActionProgress": REPORT_ACTIONS,
    "Query.operations": READ_PARTNERS,
    "Partner.wpsSummary": READ_PROGRAMMES,
    "Query.operationalContribution": READ_CONTRIBUTIONS,
    "Query.operationalContributions": READ_CONTRIBUTIONS,
    "OperationalContribution": READ_CONTRIBUTIONS,
    "Partner.operationalContributions": READ_CONTRIBUTIONS,
    "Mutation.offerOperationalContribution": OFFER_CONTRIBUTIONS,
    "Mutation.withdrawOperationalContribution": OFFER_CONTRIBUTIONS,
    **{
        f"Mutation.{name}": DECIDE_CONTRIBUTIONS
        for name in (
            "acceptOperationalContribution",
            "declineOperationalContribution",
            "recordContributionDeployed",
            "endOperationalContribution",
        )
    },
}

# The lifecycle steps a partner takes on its own programmes; staff take the others.
PARTNER_STEPS = frozenset({"submitted", "withdrawn"})


def sees_partner(caller: Actor, iso: str) -> bool:
    """Whether the caller sees what belongs to this partner (its programmes, flags)."""
    own = caller.partner_only
    return own is None or own == iso
