"""Participation use cases: nominate, confirm, decline, withdraw, promote from the waitlist, record
attendance and feedback, erase a participant's personal data. They never commit.

Every change to an occurrence's seats happens with the occurrence row locked (`for_change`), so two
nominations never take the last seat twice and the waitlist keeps arrival order.
"""

from __future__ import annotations

import uuid
from datetime import date

from menu.activities.access import may_see
from menu.activities.models import Activity, Occurrence
from menu.activities.repository import ActivityRepository, OccurrenceRepository
from menu.activities.rules import ActivityStatus, OccurrenceStatus
from menu.participation.access import ERASE_PARTICIPANTS, MANAGE_NOMINATIONS, NOMINATE, check_provides
from menu.participation.events import nomination_event
from menu.participation.models import Feedback, Nomination, NominationTransition, Participant
from menu.participation.repository import NominationRepository, ParticipantRepository
from menu.participation.rules import (
    NominationStatus,
    ParticipantDetails,
    Ratings,
    SeatRules,
    check_before_start,
    check_comment,
    check_participant,
    check_registration_open,
    promotions,
)
from menu.partners.access import check_acts_for
from menu.partners.repository import known_partners
from shared.auth import Role
from shared.db import UnitOfWork, utcnow
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, NotFound, NotYetKnown

SEAT_FREED = "a seat was freed"


async def nominate(
    uow: UnitOfWork,
    occurrence_id: uuid.UUID,
    partner_iso: str | None,
    details: ParticipantDetails,
    today: date | None = None,
) -> Nomination:
    """NOMINATED if a seat is free within the total and the partner's quota, else WAITLISTED."""
    NOMINATE.require(uow.caller)
    iso = _nominating_partner(uow, partner_iso)
    details = check_participant(details)
    occurrence = await OccurrenceRepository(uow.session).for_change(occurrence_id, field="occurrenceId")
    activity = await _activity_of(uow, occurrence)
    partner = await known_partners(uow.session).standing(iso)
    if not may_see(
        uow.caller,
        activity.status,
        activity.pcm_ref,
        activity.frameworks,
        activity.eligible_partners,
        partner.framework if partner else None,
    ):
        raise BadUserInput(f"there is no Occurrence {occurrence_id}", field="occurrenceId")
    if partner is None:
        raise NotYetKnown(f"the menu knows of no partner {iso} yet", field="partnerIso")
    if activity.status is not ActivityStatus.PUBLISHED or not (
        partner.framework in activity.frameworks or iso in activity.eligible_partners
    ):
        raise Conflict(f"activity {activity.pcm_ref} is not open to {iso}", field="occurrenceId")
    if partner.suspended:
        raise Conflict(f"partner {iso} is suspended", field="partnerIso")
    if occurrence.status is not OccurrenceStatus.OPEN:
        raise Conflict(
            f"registration is not open: the occurrence is {occurrence.status.value}",
            currentStatus=occurrence.status.value,
        )
    check_registration_open(occurrence.registration_deadline, occurrence.start_date, today or date.today())
    participant = await participant_for(uow, iso, details)
    nominations = NominationRepository(uow.session)
    if await nominations.live_for(occurrence.id, participant.id) is not None:
        raise Conflict(f"{details.email} is already nominated to this occurrence", field="participant.email")
    holders = await nominations.seat_holders(occurrence.id)
    rules = SeatRules(occurrence.seats, occurrence.quota_per_partner)
    free = rules.seat_free(len(holders), holders.count(iso))
    status = NominationStatus.NOMINATED if free else NominationStatus.WAITLISTED
    nomination = Nomination(
        occurrence_id=occurrence.id,
        activity_id=activity.id,
        partner_iso=iso,
        participant_id=participant.id,
        status=status,
    )
    nominations.add(nomination)
    await uow.flush()  # its arrival number comes from the database
    _record(uow, nomination, None, None)
    uow.publish(nomination_event("nominated" if free else "waitlisted", nomination, occurrence))
    return nomination


async def confirm(uow: UnitOfWork, nomination_id: uuid.UUID, expected_version: int | None = None) -> Nomination:
    """NOMINATED -> CONFIRMED, by the activity's provider or staff."""
    nomination, occurrence = await _managed(uow, nomination_id, expected_version)
    _check_before_held(occurrence)
    _move(uow, nomination, NominationStatus.CONFIRMED, None)
    uow.publish(nomination_event("confirmed", nomination, occurrence))
    return nomination


async def decline(
    uow: UnitOfWork, nomination_id: uuid.UUID, reason: str, expected_version: int | None = None
) -> Nomination:
    """NOMINATED or WAITLISTED -> DECLINED, with a reason; a freed seat goes to the waitlist."""
    MANAGE_NOMINATIONS.require(uow.caller)  # before the reason is looked at, as every change does
    reason = text_field(reason, "reason", max_length=1000) or ""
    nomination, occurrence = await _managed(uow, nomination_id, expected_version)
    _check_before_held(occurrence)
    _move(uow, nomination, NominationStatus.DECLINED, reason)
    uow.publish(nomination_event("declined", nomination, occurrence))
    await fill_free_seats(uow, occurrence)
    return nomination


async def withdraw(
    uow: UnitOfWork,
    nomination_id: uuid.UUID,
    reason: str | None,
    expected_version: int | None = None,
    today: date | None = None,
) -> Nomination:
    """The nominating partner (or staff) withdraws a nomination before the occurrence starts."""
    NOMINATE.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000, required=False)
    nomination, occurrence = await _nomination(uow, nomination_id, expected_version)
    check_before_start(occurrence.start_date, today or date.today())
    _move(uow, nomination, NominationStatus.WITHDRAWN, reason)
    uow.publish(nomination_event("withdrawn", nomination, occurrence))
    await fill_free_seats(uow, occurrence)
    return nomination


async def record_attendance(
    uow: UnitOfWork, nomination_id: uuid.UUID, attended: bool, expected_version: int | None = None
) -> Nomination:
    """After the occurrence is HELD: a CONFIRMED participant ATTENDED, or was a NO_SHOW."""
    nomination, occurrence = await _managed(uow, nomination_id, expected_version)
    if occurrence.status is not OccurrenceStatus.HELD:
        raise Conflict(
            f"attendance is recorded once the occurrence is HELD, not {occurrence.status.value}",
            currentStatus=occurrence.status.value,
        )
    target = NominationStatus.ATTENDED if attended else NominationStatus.NO_SHOW
    _move(uow, nomination, target, None)
    uow.publish(nomination_event("attended" if attended else "no_show", nomination, occurrence))
    return nomination


async def record_feedback(
    uow: UnitOfWork, nomination_id: uuid.UUID, ratings: Ratings, comment: str | None
) -> Nomination:
    """The nominating partner (or staff) reports on an occurrence a participant attended, once."""
    NOMINATE.require(uow.caller)
    comment = check_comment(comment)
    nomination, occurrence = await _nomination(uow, nomination_id, None)
    if nomination.status is not NominationStatus.ATTENDED:
        raise Conflict(
            f"feedback is given for a participant who attended, not {nomination.status.value}",
            currentStatus=nomination.status.value,
        )
    repository = NominationRepository(uow.session)
    if await repository.feedback([nomination.id]):
        raise Conflict("feedback for this participant was given already")
    repository.add(
        Feedback(
            nomination_id=nomination.id,
            occurrence_id=occurrence.id,
            content=ratings.content,
            delivery=ratings.delivery,
            relevance=ratings.relevance,
            comment=comment,
            actor=uow.actor,
        )
    )
    nomination.bump()
    uow.publish(nomination_event("feedback_recorded", nomination, occurrence, ratings))
    return nomination


async def erase_participant(uow: UnitOfWork, participant_id: uuid.UUID) -> Participant:
    """On request, a participant's personal data goes; their nominations stay, anonymised."""
    ERASE_PARTICIPANTS.require(uow.caller)
    participant = await ParticipantRepository(uow.session).for_change(participant_id)
    check_acts_for(uow.caller, participant.partner_iso, NotFound("Participant", participant_id))
    if participant.erased_at is None:
        participant.name = participant.email = participant.rank_or_function = participant.organisation = None
        participant.languages = []
        participant.erased_at = utcnow()
        participant.bump()
        # Free text written about the person (feedback comments, reasons) may name them: it goes too.
        await NominationRepository(uow.session).forget_texts_of(participant.id)
    return participant


async def fill_free_seats(uow: UnitOfWork, occurrence: Occurrence) -> list[Nomination]:
    """Give the occurrence's free seats to the waitlist, first come first served within the quotas. The
    caller holds the occurrence's lock."""
    if occurrence.status not in (OccurrenceStatus.OPEN, OccurrenceStatus.CLOSED, OccurrenceStatus.PLANNED):
        return []
    repository = NominationRepository(uow.session)
    await uow.flush()
    rules = SeatRules(occurrence.seats, occurrence.quota_per_partner)
    chosen = promotions(rules, await repository.seat_holders(occurrence.id), await repository.waitlist(occurrence.id))
    promoted = list(await repository.locked(chosen))
    for nomination in promoted:
        _move(uow, nomination, NominationStatus.NOMINATED, SEAT_FREED)
        uow.publish(nomination_event("promoted", nomination, occurrence))
    return promoted


def _nominating_partner(uow: UnitOfWork, partner_iso: str | None) -> str:
    own = uow.caller.partner_only
    given = partner_iso.strip().upper() if partner_iso else None
    if own is not None:
        if given not in (None, own):
            raise BadUserInput("a partner nominates its own participants only", field="partnerIso")
        return own
    if not given:
        raise BadUserInput("partnerIso names the partner the participant is nominated for", field="partnerIso")
    return given


async def participant_for(uow: UnitOfWork, iso: str, details: ParticipantDetails) -> Participant:
    """The partner's participant with this email, its details brought up to date, or a new one. `details`
    are checked (check_participant) by the caller."""
    participants = ParticipantRepository(uow.session)
    participant = await participants.by_email(iso, details.email)
    if participant is None:
        participant = Participant(
            partner_iso=iso,
            name=details.name,
            email=details.email,
            rank_or_function=details.rank_or_function,
            organisation=details.organisation,
            languages=details.languages,
        )
        participants.add(participant)
        return participant
    known = (participant.name, participant.rank_or_function, participant.organisation, participant.languages)
    given = (details.name, details.rank_or_function, details.organisation, details.languages)
    if known != given:  # only a change takes the row's lock, and reads it again under it
        locked = await participants.by_email(iso, details.email, for_update=True)
        if locked is None:  # erased meanwhile: the person starts again as a new participant
            return await participant_for(uow, iso, details)
        locked.name, locked.rank_or_function, locked.organisation, locked.languages = given
        locked.bump()
        return locked
    return participant


async def _nomination(
    uow: UnitOfWork, nomination_id: uuid.UUID, expected_version: int | None
) -> tuple[Nomination, Occurrence]:
    """The nomination and its occurrence, the occurrence locked first (the order every change takes). One the
    caller may not act on (another partner's, another provider's) is not found, and its version is compared only
    after, so a stale version says nothing of it."""
    missing = NotFound("Nomination", nomination_id)
    occurrence_id = await NominationRepository(uow.session).occurrence_of(nomination_id)
    if occurrence_id is None:
        raise missing
    occurrence = await OccurrenceRepository(uow.session).for_change(occurrence_id)
    nomination = await NominationRepository(uow.session).for_change(nomination_id)
    if uow.caller.is_(Role.PROVIDER):
        check_provides(uow.caller, (await _activity_of(uow, occurrence)).pcm_ref, missing)
    check_acts_for(uow.caller, nomination.partner_iso, missing)
    nomination.check_version(expected_version)
    return nomination, occurrence


async def _managed(
    uow: UnitOfWork, nomination_id: uuid.UUID, expected_version: int | None
) -> tuple[Nomination, Occurrence]:
    MANAGE_NOMINATIONS.require(uow.caller)
    return await _nomination(uow, nomination_id, expected_version)


async def _activity_of(uow: UnitOfWork, occurrence: Occurrence) -> Activity:
    activity = await ActivityRepository(uow.session).get(occurrence.activity_id)
    assert activity is not None  # an occurrence's activity is a foreign key
    return activity


def _check_before_held(occurrence: Occurrence) -> None:
    if occurrence.status not in (OccurrenceStatus.OPEN, OccurrenceStatus.CLOSED):
        raise Conflict(
            f"nominations are confirmed or declined while registration is open or closed, not once the "
            f"occurrence is {occurrence.status.value}",
            currentStatus=occurrence.status.value,
        )


def _move(uow: UnitOfWork, nomination: Nomination, target: NominationStatus, reason: str | None) -> None:
    previous = nomination.move_to(target)
    nomination.status_reason = reason
    _record(uow, nomination, previous, reason)


def _record(uow: UnitOfWork, nomination: Nomination, previous: NominationStatus | None, reason: str | None) -> None:
    NominationRepository(uow.session).add(
        NominationTransition(
            nomination_id=nomination.id,
            from_status=previous,
            to_status=nomination.status,
            reason=reason,
            actor=uow.actor,
        )
    )
