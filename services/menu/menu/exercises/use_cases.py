"""Use cases of the Military Training and Exercise Programme: plan, change, invite, confirm, conduct, cancel
an exercise; request, withdraw, approve, decline a partner's participation. They never commit."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from menu.exercises.access import (
    DECIDE_EXERCISE_PARTICIPATION,
    MANAGE_EXERCISES,
    REQUEST_EXERCISE_PARTICIPATION,
    check_decides_for,
)
from menu.exercises.events import exercise_event, exercise_participation_event
from menu.exercises.models import Exercise, ExerciseParticipation, ExerciseParticipationTransition, ExerciseTransition
from menu.exercises.repository import ExerciseRepository, ParticipationRepository
from menu.exercises.rules import (
    OPEN_EXERCISE,
    ExerciseDetails,
    ExerciseStatus,
    ParticipationDetails,
    ParticipationStatus,
    check_confirmable,
    check_exercise,
    check_may_request,
    check_participation,
    open_to,
)
from menu.partners.access import check_acts_for
from menu.partners.repository import known_partners
from menu.providers.repository import ProviderRepository
from shared.auth import Role
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotFound, NotYetKnown

EXERCISE_STEPS = {
    "confirmed": ExerciseStatus.CONFIRMED,
    "conducted": ExerciseStatus.CONDUCTED,
    "cancelled": ExerciseStatus.CANCELLED,
}
DECISIONS = {"approved": ParticipationStatus.APPROVED, "declined": ParticipationStatus.DECLINED}


async def plan_exercise(uow: UnitOfWork, details: ExerciseDetails, today: date | None = None) -> Exercise:
    MANAGE_EXERCISES.require(uow.caller)
    details = check_exercise(details, today or date.today(), planning=True)
    await _check_lead(uow, details.lead_code)
    await _check_partners_known(uow, details.invited_partners)
    exercise = Exercise(status=ExerciseStatus.PLANNED, **asdict(details))
    exercises = ExerciseRepository(uow.session)
    exercises.add(exercise)
    exercises.add(
        ExerciseTransition(
            exercise_id=exercise.id, from_status=None, to_status=ExerciseStatus.PLANNED, actor=uow.actor, reason=None
        )
    )
    uow.publish(exercise_event("planned", exercise))
    return exercise


async def update_exercise(
    uow: UnitOfWork,
    exercise_id: uuid.UUID,
    changes: dict[str, Any],
    expected_version: int | None,
    today: date | None = None,
) -> Exercise:
    exercise = await _open_exercise(uow, exercise_id, expected_version)
    details = check_exercise(
        ExerciseDetails(**{**_details_of(exercise), **changes}), today or date.today(), planning="year" in changes
    )
    new_lead = details.lead_code != exercise.lead_code
    if new_lead:
        await _check_lead(uow, details.lead_code)
    await _check_partners_known(uow, [p for p in details.invited_partners if p not in exercise.invited_partners])
    for name, value in asdict(details).items():
        setattr(exercise, name, value)
    exercise.bump()
    uow.publish(exercise_event("updated", exercise))
    if new_lead:  # the new lead decides (and reads) the requests to take part; the old one no longer does
        for participation in await ParticipationRepository(uow.session).of_exercise_for_change(exercise.id):
            participation.lead_code = exercise.lead_code
            participation.bump()
            uow.publish(exercise_participation_event("lead_changed", participation))
    return exercise


async def invite_to_exercise(
    uow: UnitOfWork, exercise_id: uuid.UUID, partner_isos: list[str], expected_version: int | None = None
) -> Exercise:
    """Invite partners (a crisis-management exercise takes partners by invitation only)."""
    exercise = await _open_exercise(uow, exercise_id, expected_version)
    invited = check_exercise(
        ExerciseDetails(**{**_details_of(exercise), "invited_partners": [*exercise.invited_partners, *partner_isos]}),
        date.today(),
        planning=False,
    ).invited_partners
    await _check_partners_known(uow, [p for p in invited if p not in exercise.invited_partners])
    exercise.invited_partners = invited
    exercise.bump()
    uow.publish(exercise_event("partners_invited", exercise))
    return exercise


async def advance_exercise(
    uow: UnitOfWork, exercise_id: uuid.UUID, verb: str, reason: str | None = None, expected_version: int | None = None
) -> Exercise:
    """Confirm (its dates set), record as conducted, or cancel (with a reason): one lifecycle step."""
    MANAGE_EXERCISES.require(uow.caller)
    target = EXERCISE_STEPS[verb]
    reason = text_field(reason, "reason", max_length=1000, required=target is ExerciseStatus.CANCELLED)
    exercise = await ExerciseRepository(uow.session).for_change(exercise_id, expected_version)
    if target is ExerciseStatus.CONFIRMED:
        check_confirmable(ExerciseDetails(**_details_of(exercise)))
    previous = exercise.move_to(target)
    ExerciseRepository(uow.session).add(
        ExerciseTransition(
            exercise_id=exercise.id, from_status=previous, to_status=target, actor=uow.actor, reason=reason
        )
    )
    uow.publish(exercise_event(verb, exercise))
    if target is ExerciseStatus.CANCELLED:  # what was asked of a cancelled exercise will not happen
        for participation in await ParticipationRepository(uow.session).live_of(exercise.id):
            _move(uow, participation, ParticipationStatus.DECLINED, f"exercise cancelled: {reason}")
            uow.publish(exercise_participation_event("declined", participation))
    return exercise


async def request_participation(
    uow: UnitOfWork,
    exercise_id: uuid.UUID,
    partner_iso: str | None,
    details: ParticipationDetails,
    today: date | None = None,
) -> ExerciseParticipation:
    """A partner asks to take part (staff for any partner): REQUESTED."""
    REQUEST_EXERCISE_PARTICIPATION.require(uow.caller)
    iso = _acting_partner(uow, partner_iso)
    details = check_participation(details)
    exercise = await ExerciseRepository(uow.session).for_change(exercise_id, field="exerciseId")
    if uow.caller.is_(Role.PARTNER) and not open_to(exercise.open_to_partners, exercise.invited_partners, iso):
        raise BadUserInput(f"there is no Exercise {exercise_id}", field="exerciseId")
    partner = await known_partners(uow.session).standing(iso)
    if partner is None:
        raise NotYetKnown(f"the menu knows of no partner {iso} yet", field="partnerIso")
    if partner.suspended:
        raise Conflict(f"partner {iso} is suspended", field="partnerIso")
    if not open_to(exercise.open_to_partners, exercise.invited_partners, iso):
        raise Conflict(
            f"exercise {exercise.name} takes partners by invitation, and {iso} is not invited", field="exerciseId"
        )
    check_may_request(exercise.status, exercise.start_date, today or date.today())
    participations = ParticipationRepository(uow.session)
    if await participations.live_for(exercise.id, iso) is not None:
        raise Conflict(f"{iso} has already asked to take part in this exercise", field="exerciseId")
    participation = ExerciseParticipation(
        exercise_id=exercise.id,
        lead_code=exercise.lead_code,
        partner_iso=iso,
        status=ParticipationStatus.REQUESTED,
        **asdict(details),
    )
    participations.add(participation)
    participations.add(
        ExerciseParticipationTransition(
            participation_id=participation.id,
            from_status=None,
            to_status=ParticipationStatus.REQUESTED,
            actor=uow.actor,
        )
    )
    uow.publish(exercise_participation_event("requested", participation))
    return participation


async def decide_participation(
    uow: UnitOfWork, participation_id: uuid.UUID, verb: str, reason: str | None, expected_version: int | None = None
) -> ExerciseParticipation:
    """REQUESTED -> APPROVED or DECLINED (with a reason): staff, or the provider leading the exercise."""
    target = DECISIONS[verb]
    DECIDE_EXERCISE_PARTICIPATION.require(uow.caller)
    missing = NotFound("ExerciseParticipation", participation_id)
    reason = text_field(reason, "reason", max_length=1000, required=target is ParticipationStatus.DECLINED)
    participation = await ParticipationRepository(uow.session).for_change(participation_id)
    check_decides_for(uow.caller, participation.lead_code, missing)
    participation.check_version(expected_version)
    exercise = await ExerciseRepository(uow.session).get(participation.exercise_id)
    assert exercise is not None  # a foreign key
    if exercise.status not in OPEN_EXERCISE:
        raise Conflict(f"the exercise is {exercise.status.value}", currentStatus=exercise.status.value)
    _move(uow, participation, target, reason)
    uow.publish(exercise_participation_event(verb, participation))
    return participation


async def withdraw_participation(
    uow: UnitOfWork, participation_id: uuid.UUID, reason: str | None, expected_version: int | None = None
) -> ExerciseParticipation:
    """The partner (or staff) withdraws a request, or an approved participation."""
    REQUEST_EXERCISE_PARTICIPATION.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000, required=False)
    participation = await ParticipationRepository(uow.session).for_change(participation_id)
    check_acts_for(uow.caller, participation.partner_iso, NotFound("ExerciseParticipation", participation_id))
    participation.check_version(expected_version)
    _move(uow, participation, ParticipationStatus.WITHDRAWN, reason)
    uow.publish(exercise_participation_event("withdrawn", participation))
    return participation


def _move(
    uow: UnitOfWork, participation: ExerciseParticipation, target: ParticipationStatus, reason: str | None
) -> None:
    previous = participation.move_to(target)
    ParticipationRepository(uow.session).add(
        ExerciseParticipationTransition(
            participation_id=participation.id, from_status=previous, to_status=target, actor=uow.actor, reason=reason
        )
    )


async def _open_exercise(uow: UnitOfWork, exercise_id: uuid.UUID, expected_version: int | None) -> Exercise:
    MANAGE_EXERCISES.require(uow.caller)
    exercise = await ExerciseRepository(uow.session).for_change(exercise_id, expected_version)
    if exercise.status not in OPEN_EXERCISE:
        raise Conflict(f"a {exercise.status.value.lower()} exercise cannot change", currentStatus=exercise.status.value)
    return exercise


async def _check_lead(uow: UnitOfWork, code: str) -> None:
    if await ProviderRepository(uow.session).get(code) is None:
        raise BadUserInput(f"there is no provider {code} to lead the exercise", field="leadCode")


async def _check_partners_known(uow: UnitOfWork, isos: list[str]) -> None:
    unknown = await known_partners(uow.session).unknown(isos)
    if unknown:
        raise BadUserInput(f"the menu knows of no partner {', '.join(unknown)}", field="invitedPartners")


def _acting_partner(uow: UnitOfWork, partner_iso: str | None) -> str:
    own = uow.caller.partner_only
    if own is not None:
        if partner_iso is not None and partner_iso.strip().upper() != own:
            raise BadUserInput(f"a partner asks for itself ({own}) only", field="partnerIso")
        return own
    if partner_iso is None:
        raise BadUserInput("name the partner that asks to take part", field="partnerIso")
    return partner_iso.strip().upper()


def _details_of(exercise: Exercise) -> dict[str, Any]:
    return {name: getattr(exercise, name) for name in ExerciseDetails.__dataclass_fields__}


__all__ = [
    "advance_exercise",
    "decide_participation",
    "invite_to_exercise",
    "plan_exercise",
    "request_participation",
    "update_exercise",
    "withdraw_participation",
]
