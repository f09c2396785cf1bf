"""Who may do what with requests for support (deny by default). Pure.

A partner submits, changes and withdraws its own requests and reads only its own. Staff assess,
shape packages, decide and report. An Ally reads every request and contributes to packages as its
own nation only; another system reads everything; providers read none.
"""

from __future__ import annotations

from shared.auth import Actor, Role, rule
from shared.errors import Forbidden

READ_REQUESTS = rule("read requests for support", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,))
SUBMIT_REQUESTS = rule("submit, change or withdraw requests", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))
ASSESS_REQUESTS = rule("assess requests, shape their packages and decide", Role.STAFF)
CONTRIBUTE = rule("contribute to packages", Role.STAFF, Role.ALLY, own=(Role.ALLY,))

# EADRCC: a request for assistance is broadcast to every Ally and partner (that is what the centre is for), so
# Allies and partners read every request; of the offers a partner reads its own in full and only the totals of
# others. A stricken country (Ally or partner) files, reports on and closes its own requests and accepts or
# declines the offers to them; a nation offers and delivers as itself; staff coordinate everything.
READ_ASSISTANCE = rule("read requests for disaster assistance", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER)
REQUEST_ASSISTANCE = rule(
    "file and follow a request for assistance as the stricken country",
    Role.STAFF,
    Role.ALLY,
    Role.PARTNER,
    own=(Role.ALLY, Role.PARTNER),
)
OFFER_ASSISTANCE = rule(
    "offer assistance as a nation", Role.STAFF, Role.ALLY, Role.PARTNER, own=(Role.ALLY, Role.PARTNER)
)

# Trust Funds: projects are public to Allies and partners (nations are asked to fund them); a partner other than
# the beneficiary reads its own pledges and payments and the totals; staff propose and run projects; a nation
# pledges and pays as itself.
READ_TRUST_FUNDS = rule("read Trust Fund projects", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER)
RUN_TRUST_FUNDS = rule("propose Trust Fund projects and take them through their lifecycle", Role.STAFF)
FUND_TRUST_FUNDS = rule(
    "pledge and pay to Trust Fund projects as a nation",
    Role.STAFF,
    Role.ALLY,
    Role.PARTNER,
    own=(Role.ALLY, Role.PARTNER),
)

# SPS: staff or a nation's officials file for their nation (an Ally as the NATO country, a partner as the partner
# country); a partner reads its own country's applications; staff review and decide; Allies and systems read all.
READ_SPS = rule("read SPS applications", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,))
FILE_SPS = rule(
    "file SPS applications for one's nation", Role.STAFF, Role.ALLY, Role.PARTNER, own=(Role.ALLY, Role.PARTNER)
)
DECIDE_SPS = rule("review and decide SPS applications, follow their grants", Role.STAFF)

SCHEMA_RULES = {
    "Query.capacityRequest": READ_REQUESTS,
    "Query.capacityRequests": READ_REQUESTS,
    "Mutation.submitCapacityRequest": SUBMIT_REQUESTS,
    "Mutation.updateCapacityRequest": SUBMIT_REQUESTS,
    "Mutation.withdrawCapacityRequest": SUBMIT_REQUESTS,
    **{
        f"Mutation.{name}": ASSESS_REQUESTS
        for name in (
            "startRequestAssessment",
            "recordRequestAssessment",
            "proposePackage",
            "addMeasure",
            "updateMeasure",
            "removeMeasure",
            "linkActivityToMeasure",
            "approveCapacityRequest",
            "startRequestImplementation",
            "completeCapacityRequest",
            "declineCapacityRequest",
            "reportPackageProgress",
        )
    },
    "Mutation.addContribution": CONTRIBUTE,
    "Mutation.updateContribution": CONTRIBUTE,
    "Mutation.removeContribution": CONTRIBUTE,
    "CapacityRequest": READ_REQUESTS,
    "Partner.capacityRequests": READ_REQUESTS,
    "Activity.supportingMeasures": READ_REQUESTS,
    "Subscription.capacityRequestChanged": READ_REQUESTS,
    "Query.assistanceRequest": READ_ASSISTANCE,
    "Query.assistanceRequests": READ_ASSISTANCE,
    "AssistanceRequest": READ_ASSISTANCE,
    "Subscription.assistanceChanged": READ_ASSISTANCE,
    "Mutation.requestAssistance": REQUEST_ASSISTANCE,
    "Mutation.addAssistanceNeed": REQUEST_ASSISTANCE,
    "Mutation.updateAssistanceRequest": REQUEST_ASSISTANCE,
    "Mutation.acceptAssistanceOffer": REQUEST_ASSISTANCE,
    "Mutation.declineAssistanceOffer": REQUEST_ASSISTANCE,
    "Mutation.reportDisasterSituation": REQUEST_ASSISTANCE,
    "Mutation.closeAssistanceRequest": REQUEST_ASSISTANCE,
    "Mutation.offerAssistance": OFFER_ASSISTANCE,
    "Mutation.withdrawAssistanceOffer": OFFER_ASSISTANCE,
    "Mutation.recordAssistanceDelivered": OFFER_ASSISTANCE,
    "Query.trustFundProject": READ_TRUST_FUNDS,
    "Query.trustFundProjects": READ_TRUST_FUNDS,
    "TrustFundProject": READ_TRUST_FUNDS,
    **{
        f"Mutation.{name}": RUN_TRUST_FUNDS
        for name in (
            "proposeTrustFundProject",
            "addTrustFundPhase",
            "approveTrustFundProject",
            "markTrustFundProjectFunded",
            "startTrustFundImplementation",
            "completeTrustFundProject",
            "cancelTrustFundProject",
            "reportTrustFundProgress",
        )
    },
    "Mutation.pledgeToTrustFund": FUND_TRUST_FUNDS,
    "Mutation.payToTrustFund": FUND_TRUST_FUNDS,
    "Query.spsApplication": READ_SPS,
    "Query.spsApplications": READ_SPS,
    "SpsApplication": READ_SPS,
    "Partner.trustFundProjects": READ_TRUST_FUNDS,
    "Partner.spsApplications": READ_SPS,
    "Partner.assistanceRequests": READ_ASSISTANCE,
    "Mutation.submitSpsApplication": FILE_SPS,
    **{
        f"Mutation.{name}": DECIDE_SPS
        for name in (
            "startSpsReview",
            "approveSpsApplication",
            "rejectSpsApplication",
            "activateSpsGrant",
            "completeSpsGrant",
            "reportSpsProgress",
        )
    },
}

# The lifecycle steps a partner takes on its own requests; staff take the others.
PARTNER_STEPS = frozenset({"withdrawn"})


def nation_of(caller: Actor) -> str | None:
    """The country an Ally's or a partner's account acts for; None for staff (who act for anyone)."""
    return caller.nation if caller.is_(Role.ALLY) else caller.partner_only


def acts_as(caller: Actor, country: str) -> bool:
    """Staff act for any country; an Ally's or a partner's account for its own only (for none when unbound)."""
    return not caller.is_(Role.ALLY, Role.PARTNER) or nation_of(caller) == country


def check_acts_as(caller: Actor, country: str, what: str) -> None:
    if not acts_as(caller, country):
        raise Forbidden(f"an account {what} as its own country ({nation_of(caller)}) only, not as {country}")


def sees_partner(caller: Actor, iso: str) -> bool:
    own = caller.partner_only
    return own is None or own == iso


def check_contributes_as(caller: Actor, nation: str) -> None:
    """An Ally gives, changes and withdraws its own nation's contributions only."""
    CONTRIBUTE.require(caller)
    if caller.is_(Role.ALLY) and nation != caller.nation:
        raise Forbidden(f"an Ally contributes as its own nation ({caller.nation}), not as {nation}")
