"""Development data: the reference partners (seed_data/partners.csv), registered through the use case."""

from __future__ import annotations

import csv
from pathlib import Path

from programmes.partners.repository import PartnerRepository
from programmes.partners.rules import PartnerDetails
from programmes.partners.use_cases import register_partner
from programmes.programmes.rules import ProgrammeType
from shared.definition import SeedStage
from shared.frameworks import Framework
from shared.runtime import ServiceRuntime

FRAMEWORKS = {"PfP": Framework.PFP, "MD": Framework.MD, "ICI": Framework.ICI, "PATG": Framework.PATG}


def partners() -> list[PartnerDetails]:
    with open(Path(__file__).parent / "seed_data" / "partners.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = []
    for row in rows:
        framework = FRAMEWORKS[row["framework"]]
        tools = [ProgrammeType.IPCP if framework is Framework.PFP else ProgrammeType.ITPP]
        if row["ipap_since"]:
            tools += [ProgrammeType.IPAP, ProgrammeType.PARP]
        if row["enhanced_opportunities"] == "true":
            tools += [ProgrammeType.PARP, ProgrammeType.OCC]
        if row["deep"] == "true":
            tools.append(ProgrammeType.DEEP)
        result.append(
            PartnerDetails(
                iso=row["iso3"],
                name=row["name"],
                framework=framework,
                suspended=row["suspended"] == "true",
                enhanced_opportunities=row["enhanced_opportunities"] == "true",
                interoperability_platform=False,  # the platform stage has them join, with dates
                ipap_since=int(row["ipap_since"]) if row["ipap_since"] else None,
                dcb=row["dcb"] == "true",
                deep=row["deep"] == "true",
                tools=list(dict.fromkeys(tools)),
            )
        )
    return result


async def seed_partners(runtime: ServiceRuntime) -> int:
    changes = 0
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        known = {p.iso for p in await PartnerRepository(session).list()}
        for details in partners():
            if details.iso not in known:
                await register_partner(uow, details)
                changes += 1
        await uow.commit()
    return changes


SEED_STAGES = (SeedStage("partners", seed_partners, marks="programmes.partner.v1"),)
