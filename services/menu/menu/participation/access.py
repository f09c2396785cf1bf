"""Who may do what with nominations (deny by default). Pure.

A partner nominates its own people (staff for any partner), the activity's provider (or staff) confirms,
declines and records attendance; personal data is seen by those three only.
"""

from __future__ import annotations

from menu.providers.rules import provider_code_of
from shared.auth import EVERYONE, Actor, Role, Rule, rule

READ_NOMINATIONS = rule("read nominations", *EVERYONE, own=(Role.PARTNER, Role.PROVIDER))
NOMINATE = rule("nominate, withdraw and give feedback for participants", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))
MANAGE_NOMINATIONS = rule(
    "confirm or decline nominations and record attendance", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,)
)
ERASE_PARTICIPANTS = rule("erase a participant's personal data", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES: dict[str, Rule] = {
    "Query.nomination": READ_NOMINATIONS,
    "Occurrence.nominations": READ_NOMINATIONS,
    "Partner.nominations": READ_NOMINATIONS,
    "Subscription.nominationChanged": READ_NOMINATIONS,
    "Mutation.nominateParticipant": NOMINATE,
    "Mutation.withdrawNomination": NOMINATE,
    "Mutation.recordFeedback": NOMINATE,
    "Mutation.confirmNomination": MANAGE_NOMINATIONS,
    "Mutation.declineNomination": MANAGE_NOMINATIONS,
    "Mutation.recordAttendance": MANAGE_NOMINATIONS,
    "Mutation.eraseParticipant": ERASE_PARTICIPANTS,
}


def check_provides(caller: Actor, pcm_ref: str, missing: Exception) -> None:
    """A provider manages the nominations to its own activities only; another's do not exist for it."""
    if caller.is_(Role.PROVIDER) and provider_code_of(pcm_ref) != caller.provider:
        raise missing
