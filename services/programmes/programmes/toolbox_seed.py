"""Deterministic seed of the rest of the toolbox: PAP-T, PAP-DIB, PDP and BI programmes with objectives drawn from
their areas (and their Women, Peace and Security markers), and partners' contributions to past and current
NATO-led operations, all through the use cases. Which partner takes part in what is plausible, not sourced."""

from __future__ import annotations

import random
from datetime import date, timedelta

from programmes.operations import use_cases as contributions
from programmes.operations.rules import OPERATIONS, ContributionDetails, ContributionKind, Operation
from programmes.partners.models import Partner
from programmes.programmes import use_cases
from programmes.programmes.rules import ObjectiveCategory, ProgrammeDetails, ProgrammeType
from shared.db import UnitOfWork
from shared.wps import WpsMarker

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
# (operation, partners that contributed, what they sent, size range)
CONTRIBUTIONS = [
    (Operation.IFOR, ["AUT", "UKR", "MAR", "JOR", "EGY"], ContributionKind.TROOPS, (80, 500)),
    (Operation.SFOR, ["AUT", "IRL", "UKR", "MAR", "CHE"], ContributionKind.TROOPS, (50, 450)),
    (Operation.KFOR, ["AUT", "CHE", "IRL", "UKR", "ARM", "MDA", "MAR", "MLT"], ContributionKind.TROOPS, (20, 600)),
    (
        Operation.ISAF,
        ["AUS", "NZL", "GEO", "JOR", "ARE", "AUT", "ARM", "AZE", "BIH", "KOR", "MNG", "UKR", "IRL"],
        ContributionKind.TROOPS,
        (10, 1500),
    ),
    (
        Operation.RSM,
        ["GEO", "AUS", "ARM", "AZE", "BIH", "MNG", "NZL", "UKR", "AUT"],
        ContributionKind.TRAINERS,
        (10, 870),
    ),
    (Operation.OAE, ["UKR", "GEO", "MAR", "ISR"], ContributionKind.SHIPS, (1, 2)),
    (Operation.OOS, ["KOR", "NZL", "AUS", "UKR"], ContributionKind.SHIPS, (1, 2)),
    (Operation.OUP, ["QAT", "ARE", "JOR"], ContributionKind.AIRCRAFT, (2, 12)),
    (Operation.OSG, ["UKR", "GEO"], ContributionKind.SHIPS, (1, 1)),
    (Operation.NMI, ["AUS", "NZL", "KOR"], ContributionKind.TRAINERS, (5, 60)),
]


async def seed_toolbox(uow: UnitOfWork, rng: random.Random, partner: Partner, today: date) -> int:
    """The partner's PAP-T, PAP-DIB, PDP and BI programmes (where it takes part) and its contributions."""
    if partner.suspended:
        return 0
    changes = 0
    for programme_type, isos in TAKES_PART.items():
        if partner.iso in isos:
            changes += await _programme(uow, rng, partner, programme_type, today)
    for operation, isos, kind, (low, high) in CONTRIBUTIONS:
        if partner.iso in isos:
            changes += await _contribution(uow, rng, partner.iso, operation, kind, rng.randint(low, high), today)
    return changes


async def _programme(
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


async def _contribution(
    uow: UnitOfWork, rng: random.Random, iso: str, operation: Operation, kind: ContributionKind, size: int, today: date
) -> int:
    facts = OPERATIONS[operation]
    last = facts.ended or today
    start = facts.began + timedelta(days=rng.randint(0, max(0, (last - facts.began).days // 2)))
    contribution = await contributions.offer_contribution(
        uow,
        ContributionDetails(
            partner_iso=iso,
            operation=operation,
            kind=kind,
            size=size,
            period_start=start,
            description=f"{kind.value.replace('_', ' ').lower()} for {facts.name}",
        ),
    )
    await contributions.advance_contribution(uow, contribution.id, "accepted")
    await contributions.advance_contribution(uow, contribution.id, "deployed")
    if facts.ended is not None or rng.random() < 0.4:
        ended = min(last, start + timedelta(days=rng.randint(180, 900)))
        await contributions.advance_contribution(uow, contribution.id, "ended", ended_on=max(ended, start))
        return 4
    return 3
