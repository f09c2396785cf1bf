"""Deterministic development data: the providers, registered through the use case (activities are created
under their codes, so they come first)."""

from __future__ import annotations

from datetime import date

from menu.providers.repository import ProviderRepository
from menu.providers.rules import ProviderDetails, ProviderKind
from menu.providers.use_cases import register_provider
from shared.definition import SeedStage
from shared.runtime import ServiceRuntime

# The providers: (code, name, kind, country, city, year accredited as a PTEC or COE, weight among the
# activities' providers). Accreditation years are plausible, not sourced.
PROVIDERS = [
    ("NSO", "NATO School Oberammergau", ProviderKind.NATO_BODY, "DEU", "Oberammergau", None, 14),
    ("NDC", "NATO Defense College", ProviderKind.NATO_BODY, "ITA", "Rome", None, 8),
    ("NCIA", "NATO Communications and Information Academy", ProviderKind.NATO_BODY, "PRT", "Oeiras", None, 5),
    (
        "NMIO",
        "NATO Maritime Interdiction Operational Training Centre",
        ProviderKind.NATO_BODY,
        "GRC",
        "Souda Bay",
        None,
        3,
    ),
    ("PDD", "NATO Public Diplomacy Division", ProviderKind.NATO_BODY, "BEL", "Brussels", None, 3),
    ("JFCN", "Allied Joint Force Command Naples", ProviderKind.NATO_BODY, "ITA", "Naples", None, 3),
    ("CCD", "NATO Cooperative Cyber Defence Centre of Excellence", ProviderKind.COE, "EST", "Tallinn", 2008, 4),
    ("DEU", "Germany", ProviderKind.ALLIED_NATION, "DEU", "Hamburg", None, 5),
    ("FRA", "France", ProviderKind.ALLIED_NATION, "FRA", "Paris", None, 4),
    ("GBR", "United Kingdom", ProviderKind.ALLIED_NATION, "GBR", "Shrivenham", None, 5),
    ("ITA", "Italy", ProviderKind.ALLIED_NATION, "ITA", "Vicenza", None, 4),
    ("POL", "Poland", ProviderKind.ALLIED_NATION, "POL", "Warsaw", None, 3),
    ("NOR", "Norway", ProviderKind.ALLIED_NATION, "NOR", "Oslo", None, 2),
    ("TUR", "Türkiye", ProviderKind.ALLIED_NATION, "TUR", "Ankara", None, 4),
    ("USA", "United States", ProviderKind.ALLIED_NATION, "USA", "Garmisch-Partenkirchen", None, 4),
    ("CAN", "Canada", ProviderKind.ALLIED_NATION, "CAN", "Kingston", None, 2),
    ("ROU", "Romania", ProviderKind.ALLIED_NATION, "ROU", "Bucharest", None, 2),
    ("PSOTC", "Peace Support Operations Training Centre", ProviderKind.PTEC, "BIH", "Sarajevo", 2003, 5),
    ("PFPTC", "Partnership for Peace Training Centre", ProviderKind.PTEC, "TUR", "Ankara", 1999, 5),
    ("AAFIC", "Austrian Armed Forces International Centre", ProviderKind.PTEC, "AUT", "Götzendorf", 2001, 4),
    ("GCSP", "Geneva Centre for Security Policy", ProviderKind.PTEC, "CHE", "Geneva", 2001, 4),
    ("SWEDINT", "Swedish Armed Forces International Centre", ProviderKind.PTEC, "SWE", "Kungsängen", 2001, 3),
    ("CHE", "Switzerland", ProviderKind.PARTNER, "CHE", "Bern", None, 2),
    ("AUT", "Austria", ProviderKind.PARTNER, "AUT", "Vienna", None, 2),
    ("GEO", "Georgia", ProviderKind.PARTNER, "GEO", "Tbilisi", None, 2),
    ("IRL", "Ireland", ProviderKind.PARTNER, "IRL", "Dublin", None, 1),
    ("COEDAT", "Centre of Excellence Defence Against Terrorism", ProviderKind.COE, "TUR", "Ankara", 2006, 2),
    ("CIMIC", "Civil-Military Cooperation Centre of Excellence", ProviderKind.COE, "NLD", "The Hague", 2007, 2),
    (
        "CIEDCOE",
        "Counter Improvised Explosive Devices Centre of Excellence",
        ProviderKind.COE,
        "ESP",
        "Madrid",
        2010,
        2,
    ),
    ("ENSEC", "NATO Energy Security Centre of Excellence", ProviderKind.COE, "LTU", "Vilnius", 2012, 2),
    ("STRATCOM", "NATO Strategic Communications Centre of Excellence", ProviderKind.COE, "LVA", "Riga", 2014, 2),
    ("CMDR", "Crisis Management and Disaster Response Centre of Excellence", ProviderKind.COE, "BGR", "Sofia", 2015, 2),
    ("CNAD", "Conference of National Armaments Directors", ProviderKind.NATO_BODY, "BEL", "Brussels", None, 1),
    ("ADC", "NATO Air Defence Committee", ProviderKind.NATO_BODY, "BEL", "Brussels", None, 1),
    ("ATMC", "NATO Air Traffic Management Committee", ProviderKind.NATO_BODY, "BEL", "Brussels", None, 1),
    ("ACT", "Allied Command Transformation", ProviderKind.NATO_BODY, "USA", "Norfolk", None, 0),
    ("SHAPE", "Supreme Headquarters Allied Powers Europe", ProviderKind.NATO_BODY, "BEL", "Mons", None, 0),
    ("NHQ", "NATO Headquarters International Staff", ProviderKind.NATO_BODY, "BEL", "Brussels", None, 0),
]


async def seed_providers(runtime: ServiceRuntime, today: date | None = None) -> int:
    """Every provider, registered through the use case (their activities are created under their codes); those
    a database already holds (migration 0007 made them from older activities) are left as they are."""
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session)
        known = {p.code for p in await ProviderRepository(session).get_many([code for code, *_ in PROVIDERS])}
        for code, name, kind, country, city, accredited, _ in PROVIDERS:
            if code in known:
                continue
            await register_provider(
                uow,
                code,
                ProviderDetails(
                    name=name,
                    kind=kind,
                    country=country,
                    city=city,
                    accredited_since=accredited,
                    website=f"https://{code.lower()}.example.org",
                    contact_name=f"{name} Partnership Office",
                    contact_email=f"partnership.{code.lower()}@example.org",
                ),
                today=today,
            )
        await uow.commit()
    return len(PROVIDERS) - len(known)


SEED_STAGES = (SeedStage("providers", seed_providers, marks="menu.provider.v1"),)
