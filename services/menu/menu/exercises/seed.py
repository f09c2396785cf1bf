"""Deterministic exercise programme: a five-year MTEP (this year's exercises conducted or to come, the next
four planned), partners' requests to take part and the decisions on them, all through the use cases."""

from __future__ import annotations

import random
from datetime import date, timedelta

from menu.exercises import use_cases as exercises
from menu.exercises.rules import ExerciseDetails, ExerciseType, ParticipationDetails, ParticipationKind, plan_years
from menu.partners.repository import known_partners
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.readmodel import KnownPartnerColumns
from shared.runtime import ServiceRuntime

SEED = 2028
# (name, type, lead provider, open to every partner, month it starts, days, where, scenario)
EXERCISES = [
    (
        "Steadfast Jupiter",
        ExerciseType.COMMAND_POST,
        "SHAPE",
        False,
        10,
        12,
        "Stavanger",
        "Collective defence of Allied territory: command and control of the NATO Force Structure",
    ),
    (
        "Trident Juncture",
        ExerciseType.LIVE,
        "JFCN",
        True,
        10,
        14,
        "Zaragoza",
        "A crisis response operation in a fictional region, with partners' forces under NATO command",
    ),
    (
        "Crisis Management Exercise",
        ExerciseType.CRISIS_MANAGEMENT,
        "NHQ",
        False,
        3,
        6,
        "Brussels",
        "The North Atlantic Council's consultation and decision-making in a hybrid crisis",
    ),
    (
        "Cyber Coalition",
        ExerciseType.COMPUTER_ASSISTED,
        "CCD",
        True,
        11,
        5,
        "Tallinn",
        "Defence of Alliance and partner networks against a sustained cyber campaign",
    ),
    (
        "Coalition Warrior Interoperability Exercise",
        ExerciseType.COMPUTER_ASSISTED,
        "ACT",
        True,
        6,
        14,
        "Bydgoszcz",
        "Interoperability of Allied and partner command-and-control systems",
    ),
    (
        "Sea Breeze",
        ExerciseType.LIVE,
        "USA",
        True,
        7,
        12,
        "Odesa",
        "Maritime security, interdiction and mine countermeasures in the Black Sea",
    ),
    (
        "Dynamic Mongoose",
        ExerciseType.LIVE,
        "NOR",
        False,
        5,
        10,
        "Bergen",
        "Anti-submarine warfare in the North Atlantic",
    ),
    ("Cold Response", ExerciseType.LIVE, "NOR", True, 3, 14, "Bardufoss", "Cold-weather operations in the High North"),
    (
        "Noble Partner",
        ExerciseType.LIVE,
        "USA",
        True,
        8,
        14,
        "Vaziani",
        "A partner's forces working with Allied units in a multinational battalion",
    ),
    (
        "Viking",
        ExerciseType.COMPUTER_ASSISTED,
        "SWEDINT",
        True,
        4,
        10,
        "Kungsängen",
        "A multidimensional peace support operation alongside civilian and humanitarian actors",
    ),
    (
        "Consequence Management Field Exercise",
        ExerciseType.LIVE,
        "CMDR",
        True,
        9,
        5,
        "Sofia",
        "Disaster response with the host nation's civil protection, coordinated through the EADRCC",
    ),
    (
        "Agile Spirit",
        ExerciseType.LIVE,
        "GEO",
        True,
        7,
        10,
        "Tbilisi",
        "Combined arms training of Georgian and Allied units",
    ),
]
KINDS = [
    (ParticipationKind.OBSERVERS, (2, 6)),
    (ParticipationKind.STAFF_OFFICERS, (3, 15)),
    (ParticipationKind.UNITS, (40, 450)),
]


async def seed_exercises(runtime: ServiceRuntime, today: date | None = None) -> int:
    today = today or date.today()
    await runtime.catch_up("partners")  # requests and invitations name partners the menu knows
    async with runtime.sessionmaker() as session:
        partners = [p for p in await known_partners(session).all() if not p.suspended]
        uow = runtime.unit_of_work(session)
        changes = 0
        for year in plan_years(today):
            for name, kind, lead, is_open, month, days, place, scenario in EXERCISES:
                rng = random.Random(f"{SEED}:{name}:{year}")
                changes += await _seed_exercise(
                    uow,
                    rng,
                    partners,
                    ExerciseDetails(
                        name=f"{name} {year}",
                        year=year,
                        type=kind,
                        scenario=scenario,
                        lead_code=lead,
                        open_to_partners=is_open,
                        location=place,
                    ),
                    month,
                    days,
                    today,
                )
        await uow.commit()
    return changes


async def _seed_exercise(
    uow: UnitOfWork,
    rng: random.Random,
    partners: list[KnownPartnerColumns],
    details: ExerciseDetails,
    month: int,
    days: int,
    today: date,
) -> int:
    dated = details.year <= today.year + 1  # the next two years' dates are set; later ones only their year
    if dated:
        details.start_date = date(details.year, month, rng.randint(1, 20))
        details.end_date = details.start_date + timedelta(days=days - 1)
    if details.type is ExerciseType.CRISIS_MANAGEMENT or not details.open_to_partners:
        details.invited_partners = [p.iso for p in rng.sample(partners, min(6, len(partners)))]
    exercise = await exercises.plan_exercise(uow, details, today=today)
    changes = 1
    asked_on = (details.start_date - timedelta(days=90)) if details.start_date else today
    candidates = details.invited_partners or [p.iso for p in partners]
    for iso in rng.sample(candidates, min(len(candidates), rng.randint(1, 5))):
        kind, (low, high) = rng.choice(KINDS)
        participation = await exercises.request_participation(
            uow,
            exercise.id,
            iso,
            ParticipationDetails(kind=kind, personnel=rng.randint(low, high)),
            today=min(asked_on, today),
        )
        changes += 1
        roll = rng.random()
        if roll < 0.55 or (dated and details.start_date and details.start_date < today and roll < 0.85):
            await exercises.decide_participation(uow, participation.id, "approved", None)
            changes += 1
        elif roll < 0.7:
            await exercises.decide_participation(
                uow, participation.id, "declined", "The exercise's training audience is already complete"
            )
            changes += 1
        elif roll < 0.75:
            await exercises.withdraw_participation(uow, participation.id, "Units committed elsewhere")
            changes += 1
    if dated and details.start_date:
        await exercises.advance_exercise(uow, exercise.id, "confirmed")
        changes += 1
        if details.end_date and details.end_date < today:
            await exercises.advance_exercise(uow, exercise.id, "conducted")
            changes += 1
    return changes


SEED_STAGES = (SeedStage("exercises", seed_exercises, marks="menu.exercise.v1"),)
