"""Who may do what with Trust Fund projects (deny by default). Pure.

Projects are public to Allies and partners (nations are asked to fund them); a partner other than the
beneficiary reads its own pledges and payments and the totals; staff propose and run projects; a nation
pledges and pays as itself.
"""

from __future__ import annotations

from shared.auth import Role, rule

READ_TRUST_FUNDS = rule("read Trust Fund projects", Role.STAFF, Role.ALLY, Role.SYSTEM, Role.PARTNER)
RUN_TRUST_FUNDS = rule("propose Trust Fund projects and take them through their lifecycle", Role.STAFF)
FUND_TRUST_FUNDS = rule(
    "pledge and pay to Trust Fund projects as a nation",
    Role.STAFF,
    Role.ALLY,
    Role.PARTNER,
    own=(Role.ALLY, Role.PARTNER),
)

SCHEMA_RULES = {
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
    "Partner.trustFundProjects": READ_TRUST_FUNDS,
}
