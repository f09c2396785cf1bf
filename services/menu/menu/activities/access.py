"""Who may do what with the menu's activities (deny by default). Pure: the rules, and what each caller may see.

Staff edit, publish and withdraw everything. A provider creates and edits its own activities (those
under its provider code, the pcmRef prefix: NSO.123 for the NATO School Oberammergau) and their
occurrences; publishing stays with staff. Everyone reads the menu, scoped: a partner sees the
activities open to it (by framework or by name) once they are published, a provider sees every
activity but other providers' drafts.
"""

from __future__ import annotations

from menu.activities.rules import ActivityStatus
from menu.providers.rules import provider_code_of
from shared.auth import EVERYONE, Actor, Role, Rule, rule
from shared.errors import Forbidden

READ_MENU = rule("read the menu", *EVERYONE, own=(Role.PARTNER, Role.PROVIDER))
EDIT_ACTIVITIES = rule(
    "create or change activities and their occurrences", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,)
)
PUBLISH_ACTIVITIES = rule("publish, withdraw or archive activities", Role.STAFF)
# A partner's list of what is open to it is its own to read; everyone else reads any partner's.
ELIGIBLE_ACTIVITIES = rule("read what is open to a partner", *EVERYONE, own=(Role.PARTNER,))

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES: dict[str, Rule] = {
    "Query.activity": READ_MENU,
    "Query.activities": READ_MENU,
    "Query.occurrence": READ_MENU,
    "Query.areasOfCooperation": READ_MENU,
    "Mutation.createActivity": EDIT_ACTIVITIES,
    "Mutation.updateActivity": EDIT_ACTIVITIES,
    "Mutation.scheduleOccurrence": EDIT_ACTIVITIES,
    "Mutation.updateOccurrence": EDIT_ACTIVITIES,
    "Mutation.openOccurrenceRegistration": EDIT_ACTIVITIES,
    "Mutation.closeOccurrenceRegistration": EDIT_ACTIVITIES,
    "Mutation.markOccurrenceHeld": EDIT_ACTIVITIES,
    "Mutation.cancelOccurrence": EDIT_ACTIVITIES,
    "Mutation.publishActivity": PUBLISH_ACTIVITIES,
    "Mutation.withdrawActivity": PUBLISH_ACTIVITIES,
    "Mutation.archiveActivity": PUBLISH_ACTIVITIES,
    "Subscription.activityChanged": READ_MENU,
    "Activity": READ_MENU,
    "AreaOfCooperation": READ_MENU,
    "Occurrence": READ_MENU,
    "Partner.eligibleActivities": ELIGIBLE_ACTIVITIES,
}


def may_see(
    caller: Actor,
    status: ActivityStatus,
    pcm_ref: str,
    frameworks: list[str],
    eligible_partners: list[str],
    partner_framework: str | None,
) -> bool:
    """The same rule the repository writes in SQL, for rows already loaded (a subscription's)."""
    if caller.role in (Role.STAFF, Role.SYSTEM, Role.ALLY):
        return True
    if caller.role is Role.PROVIDER:
        return status is not ActivityStatus.DRAFT or provider_code_of(pcm_ref) == caller.provider
    if caller.role is Role.PARTNER:
        return status is not ActivityStatus.DRAFT and (
            partner_framework in frameworks or caller.partner_iso in eligible_partners
        )
    return False


def check_may_create(caller: Actor, pcm_ref: str) -> None:
    EDIT_ACTIVITIES.require(caller)
    if caller.is_(Role.PROVIDER) and provider_code_of(pcm_ref) != caller.provider:
        raise Forbidden(f"a provider creates activities under its own code ({caller.provider}.…), not {pcm_ref}")


def check_may_edit(caller: Actor, status: ActivityStatus, pcm_ref: str, missing: Exception) -> None:
    """Staff edit any activity; a provider only its own, and another's draft does not exist for it
    (`missing` names what the caller asked for: its id, never the draft's reference)."""
    EDIT_ACTIVITIES.require(caller)
    if caller.is_(Role.PROVIDER) and provider_code_of(pcm_ref) != caller.provider:
        if status is ActivityStatus.DRAFT:
            raise missing
        raise Forbidden(f"activity {pcm_ref} belongs to another provider")
