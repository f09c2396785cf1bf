"""Development data: partners' contributions to past and current NATO-led operations, through the use cases.
Which partner contributed what is plausible, not sourced."""

from __future__ import annotations

import random
from datetime import date, timedelta

from programmes.operations import use_cases
from programmes.operations.rules import OPERATIONS, ContributionDetails, ContributionKind, Operation
from shared.db import UnitOfWork

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


async def seed_contributions(uow: UnitOfWork, rng: random.Random, iso: str, today: date) -> int:
    """The partner's contributions to the operations it took part in, drawing from the partner's random stream."""
    changes = 0
    for operation, isos, kind, (low, high) in CONTRIBUTIONS:
        if iso in isos:
            changes += await _contribution(uow, rng, iso, operation, kind, rng.randint(low, high), today)
    return changes


async def _contribution(
    uow: UnitOfWork, rng: random.Random, iso: str, operation: Operation, kind: ContributionKind, size: int, today: date
) -> int:
    facts = OPERATIONS[operation]
    last = facts.ended or today
    start = facts.began + timedelta(days=rng.randint(0, max(0, (last - facts.began).days // 2)))
    contribution = await use_cases.offer_contribution(
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
    await use_cases.advance_contribution(uow, contribution.id, "accepted")
    await use_cases.advance_contribution(uow, contribution.id, "deployed")
    if facts.ended is not None or rng.random() < 0.4:
        ended = min(last, start + timedelta(days=rng.randint(180, 900)))
        await use_cases.advance_contribution(uow, contribution.id, "ended", ended_on=max(ended, start))
        return 4
    return 3
