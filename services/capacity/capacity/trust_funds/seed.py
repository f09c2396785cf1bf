"""Deterministic Trust Fund projects through the use cases: one completed, one implementing, one approved with a
funding gap still open. Plausible, not sourced."""

from __future__ import annotations

from decimal import Decimal

from capacity.trust_funds import use_cases
from capacity.trust_funds.rules import PhaseDetails, ProjectDetails, ProjectKind
from shared.definition import SeedStage
from shared.runtime import ServiceRuntime

# (beneficiary, kind, title, description, lead nations, [(phase, budget)], [(nation, pledge, paid)], steps,
#  progress reports)
PROJECTS: list[
    tuple[
        str,
        ProjectKind,
        str,
        str,
        list[str],
        list[tuple[str, int]],
        list[tuple[str, int, int]],
        list[str],
        list[tuple[str, str]],
    ]
] = [
    (
        "MDA",
        ProjectKind.DEMILITARISATION,
        "Destruction of pesticides and surplus munitions in Moldova",
        "Repackage and destroy obsolete pesticides and surplus munitions stored at former military sites",
        ["CZE", "LUX"],
        [("Inventory and repackaging", 450_000), ("Transport and destruction", 1_250_000)],
        [("CZE", 600_000, 600_000), ("LUX", 500_000, 500_000), ("NOR", 400_000, 400_000), ("AUT", 200_000, 200_000)],
        ["approved", "funded", "implementation_started", "completed"],
        [("2024", "Inventory complete; 1,200 tonnes repackaged"), ("2025", "Destruction complete; sites cleaned")],
    ),
    (
        "UKR",
        ProjectKind.DEFENCE_TRANSFORMATION,
        "Medical rehabilitation of servicemen",
        "Equip rehabilitation centres and train medical staff in prosthetics and physiotherapy",
        ["GBR", "BEL"],
        [("Equipment", 2_000_000), ("Training of specialists", 800_000)],
        [("GBR", 1_200_000, 700_000), ("BEL", 900_000, 400_000), ("DEU", 500_000, 0), ("CHE", 200_000, 0)],
        ["approved", "funded", "implementation_started"],
        [("2026-H1", "Three centres equipped; 40 specialists in training")],
    ),
    (
        "JOR",
        ProjectKind.DEFENCE_TRANSFORMATION,
        "Counter-IED and demining capacity",
        "Train and equip Jordanian Armed Forces engineers for counter-IED and humanitarian demining",
        ["CAN", "NOR"],
        [("Training", 900_000), ("Equipment", 1_400_000)],
        [("CAN", 700_000, 0), ("NOR", 500_000, 0), ("AUS", 300_000, 0)],
        ["approved"],
        [],
    ),
]


async def seed_trust_funds(runtime: ServiceRuntime) -> int:
    changes = 0
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        for beneficiary, kind, title, description, leads, phases, money, steps, reports in PROJECTS:
            project = await use_cases.propose(
                uow,
                ProjectDetails(
                    beneficiary_iso=beneficiary,
                    kind=kind,
                    title=title,
                    description=description,
                    lead_nations=leads,
                    phases=[PhaseDetails(name=n, budget_eur=Decimal(b)) for n, b in phases],
                ),
            )
            changes += 1
            for step in steps:
                if step == "funded":
                    for nation, pledged, _ in money:
                        await use_cases.give(uow, project.id, nation, Decimal(pledged), payment=False)
                        changes += 1
                await use_cases.advance(uow, project.id, step)
                changes += 1
                if step == "implementation_started":
                    for nation, _, paid in money:
                        if paid:
                            await use_cases.give(uow, project.id, nation, Decimal(paid), payment=True)
                            changes += 1
                    for period, narrative in reports:
                        await use_cases.report(uow, project.id, period, narrative)
                        changes += 1
            if "funded" not in steps:  # still open: the pledges so far, and the gap they leave
                for nation, pledged, _ in money:
                    await use_cases.give(uow, project.id, nation, Decimal(pledged), payment=False)
                    changes += 1
        await uow.commit()
    return changes


SEED_STAGES = (SeedStage("trust-funds", seed_trust_funds, marks="capacity.trust_fund_project.v1"),)
