"""Development data: a realistic history of each partner's programmes drawn from the menu, and the rest of the
toolbox: PAP-T, PAP-DIB, PDP and BI programmes with objectives drawn from their areas (and their Women, Peace and
Security markers), with each partner's contributions to NATO-led operations (operations.seed) drawn from the same
random stream. Which partner takes part in what is plausible, not sourced.

Everything goes through the use cases. The programmes' planned activities come from
programmes' own read model of the menu (filled from menu.activity.v1), never from the
menu's tables: the seed first catches up with that topic.
"""

from __future__ import annotations

import logging
import random
from datetime import date

from programmes.operations.seed import seed_contributions
from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
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
from shared.db import UnitOfWork
from shared.definition import SeedStage
from shared.priority import Priority
from shared.runtime import ServiceRuntime
from shared.seeding import in_parallel, rng_for
from shared.wps import WpsMarker

log = logging.getLogger(__name__)
SEED = 2027
PRINCIPAL, SIGNIFICANT, NOT_TARGETED = WpsMarker.PRINCIPAL, WpsMarker.SIGNIFICANT, WpsMarker.NOT_TARGETED
# Each tool's objectives, from its areas of cooperation (TER, DCF, SSR, METD, BI, WPS).
OBJECTIVES = {
    ProgrammeType.PAP_T: [
        ("Share counter-terrorism intelligence with Allies through agreed channels", NOT_TARGETED),
        ("Protect critical infrastructure against terrorist attack", NOT_TARGETED),
        ("Prevent and counter violent extremism, with women's organisations as partners", PRINCIPAL),
        ("Train border and security forces in countering improvised explosive devices", SIGNIFICANT),
        ("Adopt NATO standards for the consequence management of terrorist attacks", NOT_TARGETED),
    ],
    ProgrammeType.PAP_DIB: [
        ("Establish democratic, parliamentary control of the defence sector", NOT_TARGETED),
        ("Reform defence planning, budgeting and resource management", NOT_TARGETED),
        ("Integrate a gender perspective in defence policy and personnel management", PRINCIPAL),
        ("Build transparent and accountable defence procurement", SIGNIFICANT),
    ],
    ProgrammeType.PDP: [
        ("Professionalise the civilian staff of the Ministry of Defence", SIGNIFICANT),
        ("Create a civil service career path in defence and security institutions", NOT_TARGETED),
        ("Train senior civil servants in strategic planning and NATO procedures", NOT_TARGETED),
    ],
    ProgrammeType.BI: [
        ("Complete the Building Integrity self-assessment and peer review", NOT_TARGETED),
        ("Put in place an integrity action plan for defence institutions", SIGNIFICANT),
        ("Train commanders in integrity, transparency and countering corruption", NOT_TARGETED),
        ("Address gender-specific corruption risks in operations", PRINCIPAL),
    ],
}
TAKES_PART = {
    ProgrammeType.PAP_T: ["JOR", "TUN", "MAR", "QAT", "ARE", "BHR", "GEO", "UKR", "IRQ"],
    ProgrammeType.PAP_DIB: ["UKR", "GEO", "MDA", "ARM", "AZE", "BIH", "SRB"],
    ProgrammeType.PDP: ["UKR", "GEO", "BIH", "MDA"],
    ProgrammeType.BI: ["UKR", "GEO", "BIH", "SRB", "MDA", "JOR", "TUN", "COL", "MNG", "ARM"],
}


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
            made += await _toolbox(uow, rng_for(SEED + 1, iso), partner, date.today())
            await uow.commit()
        return made

    return changes + await in_parallel(isos, seed_partner)


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


async def _toolbox(uow: UnitOfWork, rng: random.Random, partner: Partner, today: date) -> int:
    """The partner's PAP-T, PAP-DIB, PDP and BI programmes (where it takes part) and its contributions."""
    if partner.suspended:
        return 0
    changes = 0
    for programme_type, isos in TAKES_PART.items():
        if partner.iso in isos:
            changes += await _toolbox_programme(uow, rng, partner, programme_type, today)
    # The same random stream goes on to the partner's contributions, so the data stays as it was.
    return changes + await seed_contributions(uow, rng, partner.iso, today)


async def _toolbox_programme(
    uow: UnitOfWork, rng: random.Random, partner: Partner, programme_type: ProgrammeType, today: date
) -> int:
    start = date(today.year - rng.randint(0, 2), 1, 1)
    programme = await use_cases.create_programme(
        uow,
        ProgrammeDetails(
            partner_iso=partner.iso,
            type=programme_type,
            period_start=start,
            period_end=date(start.year + 3, 12, 31),
            title=f"{partner.name} {programme_type.value.replace('_', '-')} {start.year}-{start.year + 3}",
        ),
    )
    for verb in ("submitted", "negotiation_started", "approved", "implementation_started"):
        await use_cases.advance_programme(uow, programme.id, verb, note="seeded history")
    objectives = OBJECTIVES[programme_type]
    for title, marker in rng.sample(objectives, rng.randint(2, len(objectives))):
        await use_cases.add_objective(uow, programme.id, ObjectiveCategory.GENERAL, title, wps_marker=marker)
    return 5 + len(objectives)


SEED_STAGES = (SeedStage("programmes", seed_programmes, marks="programmes.programme.v1"),)
