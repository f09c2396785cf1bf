"""Development data: the partners of the reference list, registered through the use case."""

from __future__ import annotations

import csv
from pathlib import Path

from programmes import service
from programmes.domain import PartnerDetails
from programmes.repository import PartnerRepository
from shared.frameworks import Framework
from shared.runtime import ServiceRuntime

FRAMEWORKS = {"PfP": Framework.PFP, "MD": Framework.MD, "ICI": Framework.ICI, "PATG": Framework.PATG}


def partners() -> list[PartnerDetails]:
    with open(Path(__file__).parent / "seed_data" / "partners.csv", newline="") as handle:
        return [
            PartnerDetails(
                iso=row["iso3"], name=row["name"], framework=FRAMEWORKS[row["framework"]],
                suspended=row["suspended"] == "true", enhanced_opportunities=row["enhanced_opportunities"] == "true",
                ipap_since=int(row["ipap_since"]) if row["ipap_since"] else None,
                dcb=row["dcb"] == "true", deep=row["deep"] == "true",
            )
            for row in csv.DictReader(handle)
        ]


async def seed(runtime: ServiceRuntime) -> int:
    changes = 0
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session, actor="seed")
        known = {p.iso for p in await PartnerRepository(session).list()}
        for details in partners():
            if details.iso not in known:
                await service.register_partner(uow, details)
                changes += 1
        await uow.commit()
    return changes
