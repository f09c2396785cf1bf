"""Who may do what with the exercise programme (deny by default). Pure.

Staff plan it; a partner sees the exercises open to it or it is invited to and its own requests; the provider
leading an exercise decides on the requests to it; Allies and systems read all.
"""

from __future__ import annotations

from shared.auth import EVERYONE, Actor, Role, Rule, rule

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

# Every root field and every field with a rule of its own, as the authorization matrix checks them.
SCHEMA_RULES: dict[str, Rule] = {
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


def check_decides_for(caller: Actor, lead_code: str, missing: Exception) -> None:
    """Staff decide on any request; a provider on those to the exercises it leads (others it does not see)."""
    DECIDE_EXERCISE_PARTICIPATION.require(caller)
    if caller.is_(Role.PROVIDER) and caller.provider != lead_code:
        raise missing
