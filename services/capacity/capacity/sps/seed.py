"""Deterministic SPS applications through the use cases, one at every stage. Plausible, not sourced."""

from __future__ import annotations

from decimal import Decimal

from capacity.sps import use_cases
from capacity.sps.rules import KeyPriority, SpsDetails, SpsKind
from shared.definition import SeedStage
from shared.runtime import ServiceRuntime

# (kind, priority, title, NATO country and co-director, partner and co-director, budget, steps, grant, reports)
APPLICATIONS: list[tuple[SpsKind, KeyPriority, str, str, str, str, str, int, list[str], int, list[str]]] = [
    (
        SpsKind.MULTI_YEAR_PROJECT,
        KeyPriority.CBRN_DEFENCE,
        "Detection of explosives in cargo by neutron imaging",
        "ITA",
        "Dr Giulia Romano",
        "UKR",
        "Dr Oksana Melnyk",
        380_000,
        ["review_started", "approved", "activated", "completed"],
        350_000,
        ["2024", "2025"],
    ),
    (
        SpsKind.MULTI_YEAR_PROJECT,
        KeyPriority.CYBER_DEFENCE,
        "A cyber range for critical infrastructure operators",
        "EST",
        "Dr Kadri Tamm",
        "GEO",
        "Dr Levan Beridze",
        420_000,
        ["review_started", "approved", "activated"],
        400_000,
        ["2026-H1"],
    ),
    (
        SpsKind.ADVANCED_RESEARCH_WORKSHOP,
        KeyPriority.ENERGY_SECURITY,
        "Resilience of regional power grids",
        "POL",
        "Prof. Anna Nowak",
        "MDA",
        "Prof. Ion Rusu",
        60_000,
        ["review_started", "approved"],
        55_000,
        [],
    ),
    (
        SpsKind.ADVANCED_TRAINING_COURSE,
        KeyPriority.BORDER_SECURITY,
        "Detecting illicit nuclear material at borders",
        "DEU",
        "Dr Jonas Becker",
        "JOR",
        "Dr Rania Haddad",
        90_000,
        ["review_started", "rejected"],
        0,
        [],
    ),
    (
        SpsKind.ADVANCED_STUDY_INSTITUTE,
        KeyPriority.EMERGING_TECHNOLOGIES,
        "Quantum sensing for navigation",
        "FRA",
        "Dr Claire Martin",
        "AUS",
        "Dr James Walker",
        120_000,
        ["review_started"],
        0,
        [],
    ),
    (
        SpsKind.ADVANCED_RESEARCH_WORKSHOP,
        KeyPriority.HUMAN_AND_SOCIAL_ASPECTS,
        "Countering disinformation in the Western Balkans",
        "NOR",
        "Dr Ingrid Solberg",
        "BIH",
        "Dr Amir Hodžić",
        50_000,
        [],
        0,
        [],
    ),
]


async def seed_sps(runtime: ServiceRuntime) -> int:
    changes = 0
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        for (
            kind,
            priority,
            title,
            nato,
            nato_lead,
            partner,
            partner_lead,
            budget,
            steps,
            grant,
            reports,
        ) in APPLICATIONS:
            application = await use_cases.submit(
                uow,
                SpsDetails(
                    kind=kind,
                    key_priority=priority,
                    title=title,
                    summary=f"{title}: a joint project of scientists from {nato} and {partner}.",
                    nato_country=nato,
                    nato_co_director=nato_lead,
                    partner_country=partner,
                    partner_co_director=partner_lead,
                    budget_eur=Decimal(budget),
                ),
            )
            changes += 1
            for step in steps:
                outcome = {
                    "approved": "Recommended: excellent science, clear security relevance",
                    "rejected": "Not recommended: the security relevance is not shown",
                }.get(step)
                await use_cases.advance(
                    uow, application.id, step, outcome, Decimal(grant) if step == "approved" else None
                )
                changes += 1
                if step == "activated":
                    for period in reports:
                        await use_cases.report(uow, application.id, period, "Milestones met as planned")
                        changes += 1
        await uow.commit()
    return changes


SEED_STAGES = (SeedStage("sps", seed_sps, marks="capacity.sps_application.v1"),)
