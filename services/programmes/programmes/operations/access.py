"""Who may do what with contributions to NATO-led operations (deny by default). Pure.

A partner offers and withdraws its own and reads only its own; staff decide and follow them; Allies and
systems read all. Everyone who reads partners reads the operations themselves.
"""

from __future__ import annotations

from programmes.partners.access import READ_PARTNERS
from shared.auth import Role, rule

READ_CONTRIBUTIONS = rule(
    "read contributions to operations", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER, own=(Role.PARTNER,)
)
OFFER_CONTRIBUTIONS = rule(
    "offer or withdraw contributions to operations", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,)
)
DECIDE_CONTRIBUTIONS = rule("accept, decline and follow contributions to operations", Role.STAFF)

SCHEMA_RULES = {
    "Query.operations": READ_PARTNERS,
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
