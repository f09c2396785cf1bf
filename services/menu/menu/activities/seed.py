"""Deterministic development data: about 1,400 activities with occurrences in the reference areas (the
providers come first, from menu.providers.seed).

Everything goes through the same use cases as a mutation, so every change is also an
event on the menu's topics, and the other services' read models fill from them.
"""

from __future__ import annotations

import csv
import logging
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from menu.activities import use_cases
from menu.activities.models import Activity
from menu.activities.repository import ActivityRepository
from menu.activities.rules import ActivityDetails, ActivityKind, ActivityLevel, OccurrenceDetails
from menu.partners.repository import known_partners
from menu.providers.seed import PROVIDERS
from shared.auth import SEEDING
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.frameworks import Framework
from shared.runtime import ServiceRuntime
from shared.seeding import in_parallel, rng_for

log = logging.getLogger(__name__)
ACTIVITIES_PER_AREA = 40
CHUNK = 100
SEED = 2026

# Subjects per area: what a course or seminar in that area is about.
SUBJECTS: dict[str, list[str]] = {
    "ACD": [
        "Arms Control Verification",
        "Non-Proliferation Regimes",
        "CBRN Arms Control",
        "Conventional Arms Transparency",
    ],
    "ARM": [
        "Defence Acquisition Management",
        "Life-Cycle Cost Analysis",
        "Armaments Standardization",
        "Defence Procurement Integrity",
    ],
    "ASM": ["Civil-Military Airspace Coordination", "Flexible Use of Airspace", "Air Situation Data Exchange"],
    "BSC": ["Integrated Border Management", "Maritime Border Surveillance", "Cross-Border Threat Assessment"],
    "C3": [
        "Federated Mission Networking",
        "Command Post Procedures",
        "Tactical Data Links",
        "C2 Systems Interoperability",
    ],
    "CCMS": ["Environmental Security", "Climate Change and Security", "Military Environmental Protection"],
    "CEP": [
        "Disaster Response Coordination",
        "Critical Infrastructure Resilience",
        "Flood and Wildfire Response",
        "Civil Preparedness Baseline Requirements",
    ],
    "CRM": ["Crisis Management Procedures", "Crisis Response Planning", "Strategic Crisis Decision-Making"],
    "DEI": ["Defence Economics", "Defence Industrial Base", "Economic Aspects of Security"],
    "DPB": [
        "Defence Budgeting",
        "Capability-Based Planning",
        "Resource Management in Defence",
        "Planning, Programming and Budgeting",
    ],
    "DPS": ["National Security Strategy Development", "Defence Policy Formulation", "Defence Reviews"],
    "GEO": ["Geospatial Support to Operations", "Military Mapping Standards", "Geospatial Intelligence"],
    "LT": [
        "English for Staff Officers",
        "French for Peace Support Operations",
        "Military Terminology",
        "Language Testing (STANAG 6001)",
    ],
    "LOG": [
        "Multinational Logistics",
        "Host Nation Support",
        "Logistics Planning for Operations",
        "Movement and Transportation",
    ],
    "MED": [
        "Medical Support to Operations",
        "Combat Casualty Care",
        "Military Medical Planning",
        "Mass Casualty Management",
    ],
    "MET": ["Meteorological Support to Operations", "Oceanography for Naval Forces", "Space Weather Effects"],
    "METD": [
        "Professional Military Education",
        "Defence Education Enhancement (DEEP) Faculty Development",
        "Doctrine Development",
        "NCO Development",
    ],
    "EXR": [
        "Computer-Assisted Exercise Planning",
        "Exercise Control and Evaluation",
        "Command Post Exercise",
        "Live Exercise Preparation",
    ],
    "INF": ["Military Infrastructure Planning", "Camp Construction and Management", "Energy-Efficient Infrastructure"],
    "PSM": [
        "Euro-Atlantic Security",
        "Regional Security Cooperation",
        "NATO Partnerships Policy",
        "Security Challenges in the Mediterranean",
    ],
    "PD": ["Strategic Communications", "Public Affairs in Crisis", "Countering Disinformation", "Media Operations"],
    "SCI": ["Science for Peace and Security Projects", "Counter-Terrorism Technologies", "Cyber Science Cooperation"],
    "SALW": [
        "Small Arms and Light Weapons Control",
        "Stockpile Management",
        "Humanitarian Demining",
        "Ammunition Safety",
    ],
    "STD": [
        "NATO Standardization Process",
        "Interoperability Assessment",
        "Operational Capabilities Concept (OCC) Evaluation",
        "STANAG Implementation",
    ],
    "TER": [
        "Defence against Terrorism",
        "Counter-Terrorism Intelligence",
        "Protection of Critical Infrastructure from Terrorism",
    ],
    "DCF": ["Parliamentary Oversight of Defence", "Civil-Military Relations", "Democratic Control of Armed Forces"],
    "PSO": [
        "Peace Support Operations Staff",
        "UN-NATO Operations Cooperation",
        "Protection of Civilians",
        "Pre-Deployment Training",
    ],
    "BI": [
        "Building Integrity in Defence",
        "Integrity Self-Assessment",
        "Anti-Corruption in Procurement",
        "Good Governance in Defence",
    ],
    "SSR": ["Security Sector Reform", "Defence Institution Building", "Security Sector Governance"],
    "CYB": [
        "Cyber Defence Fundamentals",
        "Incident Handling",
        "Cyber Threat Intelligence",
        "Critical Infrastructure Cyber Resilience",
    ],
    "ENS": ["Energy Security", "Protection of Energy Infrastructure", "Operational Energy Efficiency"],
    "WPS": [
        "Women, Peace and Security",
        "Gender Perspective in Operations",
        "Gender Advisor Training",
        "Conflict-Related Sexual Violence Prevention",
    ],
    "ATM": [
        "Integrated Air and Missile Defence",
        "Air Traffic Management for Military Aviation",
        "Air Policing Procedures",
    ],
    "DDR": [
        "Disarmament, Demobilisation and Reintegration",
        "Reintegration of Former Combatants",
        "Weapons Collection Programmes",
    ],
    "EOD": ["Counter-IED Awareness", "Explosive Ordnance Disposal", "Attack the Network", "Search Techniques"],
}
PREFIXES = ["", "Introduction to ", "Advanced ", "Senior Leaders' ", "Regional ", "Practitioners' ", "Applied "]
KIND_NAMES = {
    ActivityKind.COURSE: "Course",
    ActivityKind.SEMINAR: "Seminar",
    ActivityKind.WORKSHOP: "Workshop",
    ActivityKind.CONFERENCE: "Conference",
    ActivityKind.EXERCISE: "Exercise",
    ActivityKind.EXPERT_VISIT: "Expert Visit",
    ActivityKind.STAFF_TALKS: "Staff Talks",
    ActivityKind.STUDY_PERIOD: "Study Period",
    ActivityKind.SPEAKER_TOUR: "Speaker Tour",
    ActivityKind.OTHER: "Activity",
}
KIND_WEIGHTS = [30, 20, 14, 8, 8, 7, 4, 4, 3, 2]
PROVIDER_WEIGHTS = [weight for *_, weight in PROVIDERS]
CITIES = [city for _, _, _, _, city, _, _ in PROVIDERS]
ELIGIBILITY = [
    ([Framework.PFP], 40),
    ([Framework.PFP, Framework.MD, Framework.ICI, Framework.PATG], 30),
    ([Framework.MD, Framework.ICI], 10),
    ([Framework.PFP, Framework.PATG], 10),
    ([Framework.MD], 5),
    ([], 5),  # named partners only
]
NAMED = ["GEO", "UKR", "MDA", "BIH", "JOR", "TUN", "IRQ", "MRT", "SRB", "AUS", "JPN", "KOR"]
DURATION = {
    ActivityKind.COURSE: (5, 12),
    ActivityKind.SEMINAR: (2, 4),
    ActivityKind.WORKSHOP: (2, 4),
    ActivityKind.CONFERENCE: (2, 3),
    ActivityKind.EXERCISE: (7, 15),
    ActivityKind.EXPERT_VISIT: (2, 4),
    ActivityKind.STAFF_TALKS: (1, 2),
    ActivityKind.STUDY_PERIOD: (10, 30),
    ActivityKind.SPEAKER_TOUR: (3, 6),
    ActivityKind.OTHER: (1, 5),
}


def areas() -> list[tuple[str, str, bool]]:
    """The reference areas (the migration 0002 loads the same file into the database)."""
    # The file stays where migration 0002 reads it (menu/seed_data/), one copy for both.
    with open(Path(__file__).parents[1] / "seed_data" / "areas_of_cooperation.csv", newline="") as handle:
        return [(row["code"], row["name"], row["sourced"] == "true") for row in csv.DictReader(handle)]


def activity_plans(rng: random.Random) -> list[tuple[str, ActivityDetails]]:
    """(pcmRef, details) for every activity, the same on every run."""
    numbers: dict[str, int] = {}
    plans = []
    for code, area_name, _ in areas():
        subjects = SUBJECTS.get(code, [area_name])
        for i in range(ACTIVITIES_PER_AREA):
            kind = rng.choices(list(KIND_NAMES), KIND_WEIGHTS)[0]
            ref, provider, provider_kind, *_ = rng.choices(PROVIDERS, PROVIDER_WEIGHTS)[0]
            numbers[ref] = numbers.get(ref, 100) + rng.randint(1, 9)
            subject = subjects[i % len(subjects)]
            prefix = PREFIXES[(i // len(subjects)) % len(PREFIXES)]
            edition = "" if i < len(subjects) * len(PREFIXES) else f" ({provider})"
            title = f"{prefix}{subject} {KIND_NAMES[kind]}{edition}"
            frameworks = rng.choices([e for e, _ in ELIGIBILITY], [w for _, w in ELIGIBILITY])[0]
            named = rng.sample(NAMED, rng.randint(1, 3)) if not frameworks or rng.random() < 0.1 else []
            languages = (
                ["en"]
                + (["fr"] if rng.random() < 0.15 else [])
                + (["ar"] if Framework.MD in frameworks and rng.random() < 0.4 else [])
                + (["ru"] if frameworks == [Framework.PFP] and rng.random() < 0.1 else [])
            )
            fee = None if rng.random() < 0.7 else Decimal(rng.choice([150, 250, 400, 600, 900, 1200]))
            details = ActivityDetails(
                title=title,
                description=(
                    f"{KIND_NAMES[kind]} on {subject.lower()} for partner and Allied personnel, "
                    f"offered by {provider} within the {area_name} area of cooperation. "
                    f"Participants work through case studies, NATO standards and lessons learned "
                    f"from recent operations and exercises."
                ),
                area_code=code,
                kind=kind,
                provider_kind=provider_kind,
                provider_name=provider,
                level=rng.choice(list(ActivityLevel)),
                languages=languages,
                fee_eur=fee,
                contact_name=f"{provider} Partnership Office",
                contact_email=f"partnership.{ref.lower()}@example.org",
                frameworks=list(frameworks),
                eligible_partners=named,
                tags=[code.lower(), kind.value.lower().replace("_", "-")],
            )
            plans.append((f"{ref}.{numbers[ref]}", details))
    return plans


async def seed_activities(runtime: ServiceRuntime, today: date | None = None) -> int:
    today = today or date.today()
    # Activities open to partners by name need those partners known to the menu (from programmes' events).
    await runtime.catch_up("partners")
    async with runtime.sessionmaker() as session:
        known = {p.iso for p in await known_partners(session).all()}
    if not known:
        log.warning("no partners known yet (seed programmes' partners first): activities open only by framework")
    plans = [(ref, _open_to_known(details, known)) for ref, details in activity_plans(random.Random(SEED))]

    async def seed_chunk(chunk: list[tuple[str, ActivityDetails]]) -> int:
        changes = 0
        async with runtime.sessionmaker() as session:
            uow = runtime.unit_of_work(session)
            for pcm_ref, details in chunk:
                changes += await _seed_activity(uow, rng_for(SEED, pcm_ref), pcm_ref, details, today)
            await uow.flush()
            activities = ActivityRepository(session, SEEDING)
            await activities.refresh_next_start(
                [a.id for a in await activities.by_pcm_refs([p for p, _ in chunk])], today
            )
            await uow.commit()
        return changes

    return await in_parallel([plans[i : i + CHUNK] for i in range(0, len(plans), CHUNK)], seed_chunk)


def _open_to_known(details: ActivityDetails, known: set[str]) -> ActivityDetails:
    details.eligible_partners = [iso for iso in details.eligible_partners if iso in known]
    if not details.frameworks and not details.eligible_partners:
        details.frameworks = [Framework.PFP]
    return details


async def _seed_activity(
    uow: UnitOfWork, rng: random.Random, pcm_ref: str, details: ActivityDetails, today: date
) -> int:
    activity: Activity = await use_cases.create_activity(uow, pcm_ref, details)
    changes = 1
    roll = rng.random()
    if roll < 0.03:
        return changes  # stays a draft
    for _ in range(rng.choice([1, 1, 2, 2, 3])):
        low, high = DURATION[details.kind]
        start = today + timedelta(days=rng.randint(14, 720))
        deadline = start - timedelta(days=30)
        occurrence = await use_cases.schedule_occurrence(
            uow,
            activity.id,
            OccurrenceDetails(
                start_date=start,
                end_date=start + timedelta(days=rng.randint(low, high) - 1),
                location=rng.choice(CITIES),
                host=activity.provider_name,
                seats=rng.choice([12, 16, 20, 24, 30, 40, 60]),
                registration_deadline=deadline if deadline >= today else None,
            ),
            today=today,
            refresh=False,
        )
        changes += 1
        if (start - today).days < 150:
            await use_cases.advance_occurrence(uow, occurrence.id, "registration_opened", today=today, refresh=False)
            changes += 1
    await use_cases.publish_activity(uow, activity.id)
    changes += 1
    if roll > 0.985:
        await use_cases.withdraw_activity(
            uow, activity.id, "The provider can no longer offer it this cycle", today=today
        )
        changes += 1
    return changes


SEED_STAGES = (SeedStage("catalogue", seed_activities, marks="menu.activity.v1"),)
