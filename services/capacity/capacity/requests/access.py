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
}

# The lifecycle steps a partner takes on its own requests; staff take the others.
PARTNER_STEPS = frozenset({"withdrawn"})


def sees_partner(caller: Actor, iso: str) -> bool:
    own = caller.partner_only
    return own is None or own == iso


def check_contributes_as(caller: Actor, nation: str) -> None:
    """An Ally gives, changes and withdraws its own nation's contributions only."""
    CONTRIBUTE.require(caller)
    if caller.is_(Role.ALLY) and nation != caller.nation:
        raise Forbidden(f"an Ally contributes as its own nation ({caller.nation}), not as {nation}")
