"""Development data: the reference partners, then a realistic history of programmes drawn from the menu.

Everything goes through the use cases. The programmes' planned activities come from
programmes' own read model of the menu (filled from menu.activity.v1), never from the
menu's tables: the seed first catches up with that topic.
"""

from __future__ import annotations

import csv
import logging
import random  # noqa: F401 - rng types in signatures
from datetime import date
from pathlib import Path

from programmes.partners import use_cases as partner_use_cases
from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
from programmes.partners.rules import PartnerDetails
from programmes.platform_seed import seed_platform
from programmes.programmes import use_cases
from programmes.programmes.models import KnownActivity, Programme
from programmes.programmes.repository import ActivityReadModel, attendance
from programmes.programmes.rules import (
    IPAP_CATEGORIES,
    AssessmentRating,
    ObjectiveCategory,
    OccLevel,
    OccResult,
    ProgrammeDetails,
    ProgrammeType,
    two_years_from,
)
from programmes.toolbox_seed import seed_toolbox
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.frameworks import Framework
from shared.priority import Priority
from shared.runtime import ServiceRuntime
from shared.seeding import in_parallel, rng_for

log = logging.getLogger(__name__)
FRAMEWORKS = {"PfP": Framework.PFP, "MD": Framework.MD, "ICI": Framework.ICI, "PATG": Framework.PATG}
SEED = 2027


def partners() -> list[PartnerDetails]:
    with open(Path(__file__).parent / "partners" / "seed_data" / "partners.csv", newline="") as handle:
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
                await partner_use_cases.register_partner(uow, details)
                changes += 1
        await uow.commit()
    return changes


async def seed_programmes(runtime: ServiceRuntime) -> int:
    changes = 0
    caught_up = await runtime.catch_up("menu-activities")
    caught_up += await runtime.catch_up("menu-nominations")  # attendance: the lines already done
    async with runtime.sessionmaker() as session:
        activities = list(await ActivityReadModel(session).published())
    log.info("read %d menu events; %d published activities known", caught_up, len(activities))
    if not activities:
        log.warning("no menu activities known yet: no programmes seeded (seed the menu first)")
        return changes
    async with runtime.sessionmaker() as session:
        isos = [p.iso for p in await PartnerRepository(session).list()]

    async def seed_partner(iso: str) -> int:
        async with runtime.sessionmaker() as session:
            uow = runtime.unit_of_work(session)
            partner = await PartnerRepository(session).get(iso)
            assert partner is not None
            made = await _history(uow, rng_for(SEED, iso), partner, activities)
            made += await seed_toolbox(uow, rng_for(SEED + 1, iso), partner, date.today())
            await uow.commit()
        return made

    return changes + await in_parallel(isos, seed_partner)


SEED_STAGES = (
    SeedStage("partners", seed_partners, marks="programmes.partner.v1"),
    SeedStage("platform", seed_platform, marks="programmes.platform_meeting.v1"),
    SeedStage("programmes", seed_programmes, marks="programmes.programme.v1"),
)


async def _history(uow: UnitOfWork, rng: random.Random, partner: Partner, activities: list[KnownActivity]) -> int:
    """Past and current programmes of the partner's tools, with what they plan and how it went."""
    changes = 0
    this_year = date.today().year
    open_to = [a for a in activities if partner.framework.value in a.frameworks or partner.iso in a.eligible_partners]
    for tool in partner.tools:
        programme_type = ProgrammeType(tool)
        if programme_type in (ProgrammeType.IPCP, ProgrammeType.IPAP):
            starts = [date(this_year - 3, 1, 1), date(this_year - 1, 1, 1)]  # a past and a current edition
        else:
            starts = [date(this_year - 1, 1, 1)]
        for start in starts:
            end = (
                two_years_from(start)
                if programme_type in (ProgrammeType.IPCP, ProgrammeType.IPAP)
                else date(start.year + 3, 12, 31)
            )
            programme = await use_cases.create_programme(
                uow,
                ProgrammeDetails(
                    partner_iso=partner.iso,
                    type=programme_type,
                    period_start=start,
                    period_end=end,
                    title=f"{partner.name} {programme_type.value} {start.year}-{end.year}",
                ),
            )
            changes += 1
            if partner.suspended:
                break  # one draft only: a suspended partner submits nothing
            for verb in ("submitted", "negotiation_started", "approved", "implementation_started"):
                await use_cases.advance_programme(uow, programme.id, verb, note="seeded history")
                changes += 1
            changes += await _contents(uow, rng, programme, open_to)
            if end.year < this_year:
                await use_cases.advance_programme(uow, programme.id, "completed", note="period ended")
                changes += 1
    return changes


async def _contents(uow: UnitOfWork, rng: random.Random, programme: Programme, open_to: list[KnownActivity]) -> int:
    changes = 0
    objective_id = None
    if programme.type is ProgrammeType.IPAP:
        for category in sorted(IPAP_CATEGORIES, key=lambda c: c.value)[:3]:
            objective = await use_cases.add_objective(
                uow, programme.id, category, f"{category.value.replace('_', ' ').title()} reform"
            )
            objective_id = objective_id or objective.id
            changes += 1
    elif programme.type is ProgrammeType.ITPP:
        strategic = await use_cases.add_objective(
            uow, programme.id, ObjectiveCategory.STRATEGIC_OBJECTIVE, "Interoperability with Allied forces"
        )
        itpp_goal = await use_cases.add_objective(
            uow,
            programme.id,
            ObjectiveCategory.PARTNERSHIP_GOAL,
            "Trained staff officers in NATO procedures",
            parent_id=strategic.id,
        )
        objective_id = itpp_goal.id
        changes += 2
    elif programme.type is ProgrammeType.PARP:
        for n in range(1, 4):
            goal = await use_cases.add_partnership_goal(
                uow,
                programme.id,
                f"G {n:04d}",
                f"Partnership goal {n}: deployable capability",
                due_date=programme.period_end,
            )
            await use_cases.assess_goal(
                uow, goal.id, str(programme.period_start.year), rng.choice(list(AssessmentRating)), "seeded review"
            )
            changes += 2
    elif programme.type is ProgrammeType.OCC:
        await use_cases.record_occ_evaluation(
            uow, programme.id, "Light infantry company", OccLevel.SEL1, OccResult.INTEROPERABLE, programme.period_start
        )
        await use_cases.record_occ_evaluation(
            uow,
            programme.id,
            "Light infantry company",
            OccLevel.NEL1,
            rng.choice([OccResult.INTEROPERABLE, OccResult.PARTIALLY]),
            programme.period_start.replace(month=10),
        )
        changes += 2
    # What the partner's people attended during the programme: planned, and done at once by that attendance.
    done = await attendance(uow.session).attended_between(
        programme.partner_iso, programme.period_start, min(programme.period_end, date.today())
    )
    for activity_id, year in sorted(rng.sample(done, min(len(done), rng.randint(1, 4))), key=lambda d: d[1]):
        await use_cases.plan_activity(uow, programme.id, activity_id, year, rng.choice(list(Priority)), objective_id)
        changes += 1
    attended = {activity_id for activity_id, _ in done}
    choices = [a for a in open_to if a.id not in attended]
    for activity in rng.sample(choices, min(len(choices), rng.randint(3, 6))):
        year = rng.randint(programme.period_start.year, programme.period_end.year)
        planned = await use_cases.plan_activity(
            uow, programme.id, activity.id, year, rng.choice(list(Priority)), objective_id
        )
        await use_cases.advance_planned_activity(uow, planned.id, "planned_activity_confirmed")
        changes += 2
    return changes
