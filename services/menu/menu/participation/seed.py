"""Deterministic participation: partners' people nominated to past occurrences (held, with attendance and
feedback) and to open ones (seats taken, some waitlists), all through the use cases, so programmes and
capacity hear of the attendance as they would of any.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from menu.activities import use_cases as activities
from menu.activities.models import Activity, Occurrence
from menu.activities.repository import ActivityRepository, OccurrenceRepository
from menu.activities.rules import OccurrenceDetails, OccurrenceStatus
from menu.participation import use_cases as nominations
from menu.participation.repository import NominationRepository
from menu.participation.rules import NominationStatus, ParticipantDetails, Ratings, check_participant
from menu.partners.repository import known_partners
from shared.auth import SEEDING
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.readmodel import KnownPartnerColumns
from shared.runtime import ServiceRuntime
from shared.seeding import in_parallel, rng_for

SEED = 2027
PEOPLE = 20  # per partner
CHUNK = 100
PAST_SHARE = 0.08  # of published activities, one occurrence held in the last three years
OPEN_SHARE = 0.2  # of open occurrences, nominations so far
GIVEN = [
    "Ana",
    "Levan",
    "Nino",
    "Olena",
    "Ivan",
    "Amira",
    "Youssef",
    "Leila",
    "Omar",
    "Sara",
    "Kenji",
    "Min-jun",
    "Emma",
    "Lukas",
    "Aigerim",
    "Daniyar",
    "Mariam",
    "Giorgi",
    "Hana",
    "Tariq",
]
FAMILY = [
    "Beridze",
    "Kovalenko",
    "Popescu",
    "Haddad",
    "Benali",
    "Rahman",
    "Tanaka",
    "Kim",
    "Novak",
    "Petrov",
    "Mansour",
    "Nurlanov",
    "Gelashvili",
    "Hoxha",
    "Ibrahim",
    "Suzuki",
    "Lindqvist",
    "Murphy",
    "Sahin",
    "Ali",
]
RANKS = [
    "Major",
    "Lieutenant Colonel",
    "Captain",
    "Colonel",
    "Senior Analyst",
    "Desk Officer",
    "Commander",
    "Head of Unit",
]
ORGANISATIONS = [
    "Ministry of Defence",
    "General Staff",
    "Ministry of Foreign Affairs",
    "Defence Academy",
    "Civil Protection Agency",
    "Border Police",
]


async def seed_participation(runtime: ServiceRuntime, today: date | None = None) -> int:
    today = today or date.today()
    async with runtime.sessionmaker() as session:
        partners = [p for p in await known_partners(session).all() if not p.suspended]
        refs = list(await ActivityRepository(session).published_refs())
        # Each partner's people first, in one transaction: the chunks below then only read them, so chunks
        # seeded side by side never wait on each other's new rows.
        uow = runtime.unit_of_work(session)
        for partner in partners:
            for n in range(PEOPLE):
                await nominations.participant_for(uow, partner.iso, check_participant(_person(n, partner.iso)))
        await uow.commit()

    async def seed_chunk(chunk: list[str]) -> int:
        changes = 0
        async with runtime.sessionmaker() as session:
            uow = runtime.unit_of_work(session)
            for activity in await ActivityRepository(session, SEEDING).by_pcm_refs(chunk):
                rng = rng_for(SEED, activity.pcm_ref)
                eligible = [
                    p for p in partners if p.framework in activity.frameworks or p.iso in activity.eligible_partners
                ]
                if not eligible:
                    continue
                if rng.random() < PAST_SHARE:
                    changes += await _held(uow, rng, activity, eligible, today)
                for occurrence in await OccurrenceRepository(session).pending_of(activity.id):
                    if occurrence.status is OccurrenceStatus.OPEN and rng.random() < OPEN_SHARE:
                        changes += await _registering(uow, rng, occurrence, eligible, today)
            await uow.commit()
        return changes

    return await in_parallel([refs[i : i + CHUNK] for i in range(0, len(refs), CHUNK)], seed_chunk)


def _person(n: int, iso: str) -> ParticipantDetails:
    """A partner's n-th person: the same people return to several activities."""
    given, family = GIVEN[n], FAMILY[(n * 7 + sum(map(ord, iso))) % len(FAMILY)]
    return ParticipantDetails(
        name=f"{given} {family}",
        email=f"{given}.{family}@mod-{iso}.example".lower(),
        rank_or_function=RANKS[n % len(RANKS)],
        organisation=ORGANISATIONS[n % len(ORGANISATIONS)],
        languages=["en"],
    )


async def _nominate_some(
    uow: UnitOfWork,
    rng: random.Random,
    occurrence: Occurrence,
    eligible: list[KnownPartnerColumns],
    count: int,
    on: date,
) -> int:
    made = 0
    for partner in rng.sample(eligible, min(len(eligible), rng.randint(1, 4))) * count:
        if made >= count:
            break
        person = _person(rng.randrange(PEOPLE), partner.iso)
        if await NominationRepository(uow.session).live_for_email(occurrence.id, partner.iso, person.email):
            continue
        await nominations.nominate(uow, occurrence.id, partner.iso, person, today=on)
        made += 1
    return made


async def _held(
    uow: UnitOfWork, rng: random.Random, activity: Activity, eligible: list[KnownPartnerColumns], today: date
) -> int:
    """An occurrence held in the past: nominations, confirmations, attendance and feedback."""
    start = today - timedelta(days=rng.randint(30, 1000))
    occurrence = await activities.schedule_occurrence(
        uow,
        activity.id,
        OccurrenceDetails(
            start_date=start,
            end_date=start + timedelta(days=rng.randint(1, 10)),
            location=activity.provider_name,
            host=activity.provider_name,
            seats=rng.choice([8, 12, 16, 20]),
            registration_deadline=start - timedelta(days=14),
        ),
        today=start - timedelta(days=90),
        refresh=False,
    )
    await activities.advance_occurrence(uow, occurrence.id, "registration_opened", refresh=False)
    changes = 2 + await _nominate_some(uow, rng, occurrence, eligible, rng.randint(3, 10), start - timedelta(days=30))
    repository = NominationRepository(uow.session)
    for nomination in await repository.of_occurrence(occurrence.id, [NominationStatus.NOMINATED]):
        if rng.random() < 0.08:
            await nominations.decline(uow, nomination.id, "Prerequisites not met")
        else:
            await nominations.confirm(uow, nomination.id)
        changes += 1
    for step in ("registration_closed", "held"):
        await activities.advance_occurrence(uow, occurrence.id, step, refresh=False)
        changes += 1
    for nomination in await repository.of_occurrence(occurrence.id, [NominationStatus.CONFIRMED]):
        attended = rng.random() < 0.9
        await nominations.record_attendance(uow, nomination.id, attended)
        changes += 1
        if attended and rng.random() < 0.7:
            ratings = Ratings(rng.randint(3, 5), rng.randint(2, 5), rng.randint(3, 5))
            await nominations.record_feedback(uow, nomination.id, ratings, None)
            changes += 1
    return changes


async def _registering(
    uow: UnitOfWork, rng: random.Random, occurrence: Occurrence, eligible: list[KnownPartnerColumns], today: date
) -> int:
    """An open occurrence: some seats taken and confirmed; a small one over-subscribed, with a waitlist."""
    deadline = occurrence.registration_deadline or occurrence.start_date - timedelta(days=1)
    if deadline < today:
        return 0
    wanted = (
        occurrence.seats + rng.randint(1, 4)
        if occurrence.seats <= 16 and rng.random() < 0.25
        else rng.randint(1, max(1, occurrence.seats // 2))
    )
    changes = await _nominate_some(uow, rng, occurrence, eligible, wanted, today)
    for nomination in await NominationRepository(uow.session).of_occurrence(
        occurrence.id, [NominationStatus.NOMINATED]
    ):
        if rng.random() < 0.5:
            await nominations.confirm(uow, nomination.id)
            changes += 1
    return changes


SEED_STAGES = (SeedStage("participation", seed_participation, marks="menu.nomination.v1"),)
