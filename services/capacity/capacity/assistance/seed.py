"""Deterministic EADRCC history: two past emergencies, with nations' offers, acceptances, deliveries and situation
reports, closed; and one still open with offers waiting. Through the use cases. Plausible, not sourced."""

from __future__ import annotations

import uuid
from decimal import Decimal

from capacity.assistance import use_cases
from capacity.assistance.repository import AssistanceContents, AssistanceRepository
from capacity.assistance.rules import AssistanceDetails, DisasterType, NeedDetails
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.runtime import ServiceRuntime

# (country, disaster, title, situation, [(item, quantity, unit)], [(nation, need index, quantity, delivered)],
#  situation reports, closed with)
Emergency = tuple[
    str,
    DisasterType,
    str,
    str,
    list[tuple[str, int, str]],
    list[tuple[str, int, int, bool | None]],
    list[str],
    str | None,
]
EMERGENCIES: list[Emergency] = [
    (
        "BIH",
        DisasterType.FLOOD,
        "Floods in Bosnia and Herzegovina",
        "The worst floods in 120 years: a quarter of the country affected, landslides, 40,000 people evacuated",
        [
            ("Water purification units", 20, "units"),
            ("High-capacity pumps", 30, "pumps"),
            ("Helicopters for evacuation", 6, "helicopters"),
            ("Sandbags", 200000, "bags"),
        ],
        [
            ("AUT", 2, 3, True),
            ("DEU", 1, 12, True),
            ("SVN", 1, 8, True),
            ("CHE", 0, 10, True),
            ("SRB", 3, 50000, True),
            ("NOR", 0, 6, True),
            ("GEO", 3, 20000, False),
        ],
        [
            "Water rising in Doboj and Maglaj; evacuation by air under way",
            "Rivers receding; pumping in Obrenovac and Šamac",
            "Water supply restored in most municipalities",
        ],
        "Emergency over: recovery handed to the national authorities",
    ),
    (
        "TUR",
        DisasterType.EARTHQUAKE,
        "Earthquakes in south-eastern Türkiye",
        "Two earthquakes of magnitude 7.8 and 7.5; ten provinces struck; freezing temperatures",
        [
            ("Urban search and rescue teams", 25, "teams"),
            ("Field hospitals", 4, "hospitals"),
            ("Winterised tents", 30000, "tents"),
            ("Generators", 500, "generators"),
        ],
        [
            ("ITA", 0, 5, True),
            ("GBR", 0, 4, True),
            ("UKR", 0, 2, True),
            ("AZE", 0, 3, True),
            ("ESP", 1, 1, True),
            ("NOR", 2, 5000, True),
            ("JPN", 2, 3000, True),
            ("KOR", 3, 120, True),
        ],
        ["Search and rescue in Hatay, Kahramanmaraş and Adıyaman", "Rescue phase ending; shelter the priority"],
        "Relief phase over; shelter and reconstruction continue bilaterally",
    ),
    (
        "GEO",
        DisasterType.WILDFIRE,
        "Wildfires in the Borjomi gorge",
        "Forest fires on steep ground near Borjomi; aerial fire-fighting needed",
        [("Fire-fighting aircraft", 4, "aircraft"), ("Ground fire-fighting teams", 6, "teams")],
        [("TUR", 0, 2, False), ("AZE", 1, 2, False), ("UKR", 0, 1, None)],
        ["Fire front 3 km wide; two villages on alert"],
        None,
    ),
]


async def seed_assistance(runtime: ServiceRuntime) -> int:
    changes = 0
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        for country, disaster, title, situation, needs, offers, reports, closed in EMERGENCIES:
            request = await use_cases.request_assistance(
                uow,
                AssistanceDetails(
                    stricken_country=country,
                    disaster_type=disaster,
                    title=title,
                    situation=situation,
                    needs=[NeedDetails(item=i, quantity=Decimal(q), unit=u) for i, q, u in needs],
                ),
            )
            need_ids = [n.id for n in (await _contents(uow, request.id)).needs]
            for nation, need, quantity, delivered in offers:
                await use_cases.offer(uow, need_ids[need], nation, Decimal(quantity), None)
                made = [o for o in (await _contents(uow, request.id)).offers if o.nation == nation][-1]
                changes += 1
                if delivered is None:
                    continue  # still to be decided
                await use_cases.decide_offer(uow, made.id, True, None)
                changes += 1
                if delivered:
                    await use_cases.offering_step(uow, made.id, True, "delivered to the national authorities")
                    changes += 1
            for text in reports:
                await use_cases.report_situation(uow, request.id, text)
                changes += 1
            if closed:
                await use_cases.close_request(uow, request.id, closed)
                changes += 1
            changes += 1
        await uow.commit()
    return changes


async def _contents(uow: UnitOfWork, request_id: uuid.UUID) -> AssistanceContents:
    repository = AssistanceRepository(uow.session)
    request = await repository.get(request_id)
    assert request is not None  # made a moment ago in this transaction
    return await repository.contents(request)


SEED_STAGES = (SeedStage("assistance", seed_assistance, marks="capacity.assistance_request.v1"),)
