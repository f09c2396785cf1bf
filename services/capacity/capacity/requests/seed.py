"""Development data: requests of the DCB partners at every stage, with packages, measures linked to menu
activities, contributions and progress reports. Partners and activities come from capacity's own read
models, filled from programmes' and the menu's topics (the seed catches up with both first)."""

from __future__ import annotations

import logging
import random
import uuid
from datetime import date
from decimal import Decimal

from capacity.partners.repository import known_partners
from capacity.requests import use_cases
from capacity.requests.repository import ActivityReadModel
from capacity.requests.rules import (
    ContributionDetails,
    ContributionKind,
    RagStatus,
    Recommendation,
    RequestSubmission,
    SupportArea,
)
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.priority import Priority
from shared.runtime import ServiceRuntime
from shared.seeding import in_parallel, rng_for

log = logging.getLogger(__name__)
SEED = 2028
DCB_PARTNERS = ["BIH", "GEO", "IRQ", "JOR", "MRT", "MDA", "TUN"]
ALLIES = ["USA", "GBR", "DEU", "FRA", "ITA", "NOR", "POL", "CAN", "NLD", "TUR", "ESP", "ROU"]
# (areas, title, description) of typical requests
REQUESTS = [
    (
        [SupportArea.CYBER_DEFENCE, SupportArea.EDUCATION_AND_TRAINING],
        "National cyber defence capability",
        "Advice on a military CERT, training of incident handlers and exercise participation",
    ),
    (
        [SupportArea.COUNTER_IED],
        "Counter-IED and explosive ordnance disposal",
        "Train-the-trainer courses for engineer units and detection equipment",
    ),
    (
        [SupportArea.DEFENCE_INSTITUTION_BUILDING, SupportArea.STRATEGIC_ADVICE],
        "Defence institution building",
        "Strategic advice on defence planning, budgeting and human resources management",
    ),
    ([SupportArea.LOGISTICS], "Logistics and maintenance", "Modernise logistics doctrine and stock management"),
    ([SupportArea.MARITIME_SECURITY], "Maritime security", "Coastal surveillance and boarding team training"),
    (
        [SupportArea.CIVIL_EMERGENCY_PLANNING],
        "Civil emergency planning",
        "Crisis management structures and disaster response exercises",
    ),
]
# words in menu titles that suit each area of support, to link fitting activities
KEYWORDS = {
    SupportArea.CYBER_DEFENCE: ["Cyber", "Incident"],
    SupportArea.COUNTER_IED: ["IED", "Explosive", "Search"],
    SupportArea.MARITIME_SECURITY: ["Maritime", "Naval", "Border"],
    SupportArea.LOGISTICS: ["Logistic", "Movement", "Host Nation"],
    SupportArea.CIVIL_EMERGENCY_PLANNING: ["Disaster", "Civil", "Flood", "Crisis"],
    SupportArea.DEFENCE_INSTITUTION_BUILDING: ["Budget", "Integrity", "Governance", "Institution"],
    SupportArea.STRATEGIC_ADVICE: ["Strategy", "Policy", "Planning"],
    SupportArea.EDUCATION_AND_TRAINING: ["Education", "Faculty", "Doctrine", "Training"],
}
# how far each of a partner's requests has come
STAGES = ["COMPLETED", "IMPLEMENTING", "APPROVED", "PACKAGE_PROPOSED", "UNDER_ASSESSMENT", "SUBMITTED"]


async def seed_requests(runtime: ServiceRuntime) -> int:
    partners_read = await runtime.catch_up("partners")
    activities_read = await runtime.catch_up("menu-activities")
    async with runtime.sessionmaker() as session:
        known = {p.iso: p for p in await known_partners(session).all()}
        activities = {a.id: a.title for a in await ActivityReadModel(session).published()}
    log.info(
        "read %d partner and %d menu events; %d published activities known",
        partners_read,
        activities_read,
        len(activities),
    )
    partners = [iso for iso in DCB_PARTNERS if iso in known and not known[iso].suspended]
    if not partners or not activities:
        log.warning("partners or menu activities not known yet: no requests seeded (run the others first)")
        return 0

    async def seed_partner(iso: str) -> int:
        rng = rng_for(SEED, iso)
        changes = 0
        async with runtime.sessionmaker() as session:
            uow = runtime.unit_of_work(session)
            for n, (areas, title, description) in enumerate(rng.sample(REQUESTS, 3)):
                stage = STAGES[(DCB_PARTNERS.index(iso) + n * 2) % len(STAGES)]
                changes += await _request(uow, rng, iso, areas, title, description, stage, activities)
            await uow.commit()
        return changes

    return await in_parallel(partners, seed_partner)


async def _request(
    uow: UnitOfWork,
    rng: random.Random,
    iso: str,
    areas: list[SupportArea],
    title: str,
    description: str,
    stage: str,
    activities: dict[uuid.UUID, str],
) -> int:
    request = await use_cases.submit_request(
        uow,
        RequestSubmission(
            partner_iso=iso,
            areas=areas,
            title=title,
            description=description,
            justification="Identified in the partner's defence review",
            priority=rng.choice(list(Priority)),
        ),
    )
    changes = 1
    order = ["SUBMITTED", "UNDER_ASSESSMENT", "PACKAGE_PROPOSED", "APPROVED", "IMPLEMENTING", "COMPLETED"]
    reached = order.index(stage)
    if reached >= 1:
        await use_cases.advance_request(uow, request.id, "assessment_started")
        await use_cases.record_assessment(
            uow,
            request.id,
            "A clear need and a capable counterpart",
            rng.choice([Recommendation.SUPPORT, Recommendation.SUPPORT_WITH_CHANGES]),
        )
        changes += 2
    if reached >= 2:
        await use_cases.propose_package(uow, request.id, f"Support package: {title.lower()}")
        changes += 1
        for area in areas:
            lead, *others = rng.sample(ALLIES, 3)
            measure = await use_cases.add_measure(
                uow,
                request.id,
                area,
                f"{area.value.replace('_', ' ').title()} training and advice",
                lead,
                others,
                _fitting(rng, activities, area),
            )
            await use_cases.add_contribution(
                uow, measure.id, ContributionDetails(lead, ContributionKind.ADVISERS, quantity=rng.randint(1, 4))
            )
            await use_cases.add_contribution(
                uow, measure.id, ContributionDetails(others[0], ContributionKind.TRAINERS, quantity=rng.randint(2, 8))
            )
            await use_cases.add_contribution(
                uow,
                measure.id,
                ContributionDetails(
                    others[1],
                    ContributionKind.FUNDS,
                    amount=Decimal(rng.choice([50_000, 120_000, 250_000])),
                    currency="EUR",
                ),
            )
            changes += 4
    if reached >= 3:
        await use_cases.advance_request(uow, request.id, "approved", "North Atlantic Council decision")
        changes += 1
    if reached >= 4:
        await use_cases.advance_request(uow, request.id, "implementation_started")
        today = date.today()
        await use_cases.report_progress(
            uow,
            request.id,
            f"{today.year}-H{1 if today.month <= 6 else 2}",
            rng.choice(list(RagStatus)),
            "Courses delivered as planned; equipment delivery delayed",
        )
        changes += 2
    if reached >= 5:
        await use_cases.advance_request(uow, request.id, "completed", "All measures delivered")
        changes += 1
    return changes


def _fitting(rng: random.Random, activities: dict[uuid.UUID, str], area: SupportArea) -> list[uuid.UUID]:
    words = KEYWORDS.get(area, [])
    fitting = sorted(a for a, title in activities.items() if any(w in title for w in words)) or sorted(activities)
    return rng.sample(fitting, min(2, len(fitting)))


SEED_STAGES = (SeedStage("requests", seed_requests, marks="capacity.request.v1"),)
