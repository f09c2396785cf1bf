"""Who may do what on the menu (deny by default). Pure: the rules, and what each caller may see.

Staff edit, publish and withdraw everything. A provider creates and edits its own activities (those
under its provider code, the pcmRef prefix: NSO.123 for the NATO School Oberammergau) and their
occurrences; publishing stays with staff. Everyone reads the menu, scoped: a partner sees the
activities open to it (by framework or by name) once they are published, a provider sees every
activity but other providers' drafts.
"""

from __future__ import annotations

from menu.domain import ActivityStatus
from menu.provider_rules import IDENTITY_FIELDS
from shared.auth import EVERYONE, Actor, Role, rule
from shared.errors import Forbidden

READ_MENU = rule("read the menu", *EVERYONE, own=(Role.PARTNER, Role.PROVIDER))
EDIT_ACTIVITIES = rule(
    "create or change activities and their occurrences", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,)
)
PUBLISH_ACTIVITIES = rule("publish, withdraw or archive activities", Role.STAFF)
# A partner's list of what is open to it is its own to read; everyone else reads any partner's.
ELIGIBLE_ACTIVITIES = rule("read what is open to a partner", *EVERYONE, own=(Role.PARTNER,))

# Participation: a partner nominates its own people (staff for any partner), the activity's provider (or
# staff) confirms, declines and records attendance; personal data is seen by those three only.
READ_NOMINATIONS = rule("read nominations", *EVERYONE, own=(Role.PARTNER, Role.PROVIDER))
NOMINATE = rule("nominate, withdraw and give feedback for participants", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))
MANAGE_NOMINATIONS = rule(
    "confirm or decline nominations and record attendance", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,)
)
# What menu changes do to a partner's plans, measures and nominations: the partner's own, the Alliance's all.
FOLLOW_PLAN_IMPACTS = rule(
    "follow what menu changes do to a partner's commitments",
    Role.STAFF,
    Role.ALLY,
    Role.SYSTEM,
    Role.PARTNER,
    own=(Role.PARTNER,),
)
# Providers: everyone who reads the menu reads them; staff register them and change their standing and
# identity; a provider keeps its own contact details.
MANAGE_PROVIDERS = rule("register providers and change their standing", Role.STAFF)
EDIT_PROVIDER = rule("change a provider's details", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,))
# The exercise programme: staff plan it; a partner sees the exercises open to it or it is invited to and its
# own requests; the provider leading an exercise decides on the requests to it; Allies and systems read all.
READ_EXERCISES = rule("read the exercise programme", *EVERYONE, own=(Role.PARTNER,))
MANAGE_EXERCISES = rule("plan, change, confirm and cancel exercises", Role.STAFF)
READ_EXERCISE_PARTICIPATION = rule(
    "read requests to take part in exercises", *EVERYONE, own=(Role.PARTNER, Role.PROVIDER)
)
REQUEST_EXERCISE_PARTICIPATION = rule(
    "request or withdraw participation in exercises", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,)
)
DECIDE_EXERCISE_PARTICIPATION = rule(
    "approve or decline participation in exercises", Role.STAFF, Role.PROVIDER, own=(Role.PROVIDER,)
)
ERASE_PARTICIPANTS = rule("erase a participant's personal data", Role.STAFF, Role.PARTNER, own=(Role.PARTNER,))

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES = {
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
    "Subscription.planImpacts": FOLLOW_PLAN_IMPACTS,
    "Query.provider": READ_MENU,
    "Query.providers": READ_MENU,
    "Provider": READ_MENU,
    "Mutation.registerProvider": MANAGE_PROVIDERS,
    "Mutation.suspendProvider": MANAGE_PROVIDERS,
    "Mutation.reinstateProvider": MANAGE_PROVIDERS,
    "Mutation.closeProvider": MANAGE_PROVIDERS,
    "Mutation.updateProvider": EDIT_PROVIDER,
    "Query.exercise": READ_EXERCISES,
    "Query.exercises": READ_EXERCISES,
    "Exercise": READ_EXERCISES,
    **{
        f"Mutation.{name}": MANAGE_EXERCISES
        for name in (
            "planExercise",
            "updateExercise",
            "inviteToExercise",
            "confirmExercise",
            "markExerciseConducted",
            "cancelExercise",
        )
    },
    "Query.exerciseParticipation": READ_EXERCISE_PARTICIPATION,
    "Query.exerciseParticipations": READ_EXERCISE_PARTICIPATION,
    "Exercise.participations": READ_EXERCISE_PARTICIPATION,
    "Partner.exerciseParticipations": READ_EXERCISE_PARTICIPATION,
    "Mutation.requestExerciseParticipation": REQUEST_EXERCISE_PARTICIPATION,
    "Mutation.withdrawExerciseParticipation": REQUEST_EXERCISE_PARTICIPATION,
    "Mutation.approveExerciseParticipation": DECIDE_EXERCISE_PARTICIPATION,
    "Mutation.declineExerciseParticipation": DECIDE_EXERCISE_PARTICIPATION,
}


def check_edits_provider(caller: Actor, code: str, changes: set[str]) -> None:
    """Staff change any provider; a provider its own contact details only, never who it is."""
    EDIT_PROVIDER.require(caller)
    if caller.is_(Role.PROVIDER):
        if caller.provider != code:
            raise Forbidden(f"a provider changes its own details ({caller.provider}), not {code}'s")
        if changes & IDENTITY_FIELDS:
            raise Forbidden("a provider's name, kind, country and accreditation are changed by staff")


def check_decides_for(caller: Actor, lead_code: str, missing: Exception) -> None:
    """Staff decide on any request; a provider on those to the exercises it leads (others it does not see)."""
    DECIDE_EXERCISE_PARTICIPATION.require(caller)
    if caller.is_(Role.PROVIDER) and caller.provider != lead_code:
        raise missing


def check_acts_for(caller: Actor, partner_iso: str, missing: Exception) -> None:
    """A partner acts for itself alone: another partner's nomination does not exist for it."""
    if caller.is_(Role.PARTNER) and caller.partner_only != partner_iso:
        raise missing


def check_provides(caller: Actor, pcm_ref: str, missing: Exception) -> None:
    """A provider manages the nominations to its own activities only; another's do not exist for it."""
    if caller.is_(Role.PROVIDER) and provider_of(pcm_ref) != caller.provider:
        raise missing


def provider_of(pcm_ref: str) -> str:
    return pcm_ref.split(".", 1)[0]


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
        return status is not ActivityStatus.DRAFT or provider_of(pcm_ref) == caller.provider
    if caller.role is Role.PARTNER:
        return status is not ActivityStatus.DRAFT and (
            partner_framework in frameworks or caller.partner_iso in eligible_partners
        )
    return False


def check_may_create(caller: Actor, pcm_ref: str) -> None:
    EDIT_ACTIVITIES.require(caller)
    if caller.is_(Role.PROVIDER) and provider_of(pcm_ref) != caller.provider:
        raise Forbidden(f"a provider creates activities under its own code ({caller.provider}.…), not {pcm_ref}")


def check_may_edit(caller: Actor, status: ActivityStatus, pcm_ref: str, missing: Exception) -> None:
    """Staff edit any activity; a provider only its own, and another's draft does not exist for it
    (`missing` names what the caller asked for: its id, never the draft's reference)."""
    EDIT_ACTIVITIES.require(caller)
    if caller.is_(Role.PROVIDER) and provider_of(pcm_ref) != caller.provider:
        if status is ActivityStatus.DRAFT:
            raise missing
        raise Forbidden(f"activity {pcm_ref} belongs to another provider")
