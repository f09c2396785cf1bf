"""Who may do what with requests for disaster assistance (deny by default). Pure.

EADRCC: a request for assistance is broadcast to every Ally and partner (that is what the centre is for), so
Allies and partners read every request; of the offers a partner reads its own in full and only the totals of
others. A stricken country (Ally or partner) files, reports on and closes its own requests and accepts or
declines the offers to them; a nation offers and delivers as itself; staff coordinate everything.
"""

from __future__ import annotations

from shared.auth import Role, rule

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

SCHEMA_RULES = {
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
    "Partner.assistanceRequests": READ_ASSISTANCE,
}
