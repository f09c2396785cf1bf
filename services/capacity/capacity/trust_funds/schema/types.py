"""GraphQL types inside a Trust Fund project (its phases, pledges and payments, reports, steps), and the Trust
Fund enums, registered with strawberry once."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from capacity.partners.access import nation_of
from capacity.trust_funds.rules import ProjectKind as ProjectKind
from capacity.trust_funds.rules import ProjectStatus as ProjectStatus
from shared.graphql.enums import described_enum

# The concern's enums, registered once, here: every other schema module imports them from this module (hence the
# `X as X` re-exports above), so no strawberry type meets one unregistered, which would give it a second,
# undescribed definition.
described_enum(
    ProjectKind,
    "What a Trust Fund project does",
    {
        "DEMILITARISATION": "Destroys surplus munitions, weapons or mines, or clears explosive remnants",
        "DEFENCE_TRANSFORMATION": "Helps a partner reform its defence and security institutions",
    },
)
described_enum(
    ProjectStatus,
    "PROPOSED -> APPROVED -> FUNDED (pledges cover the budget) -> IMPLEMENTING -> "
    "COMPLETED; CANCELLED before completion",
    {
        "PROPOSED": "Being shaped: phases may be added",
        "APPROVED": "Approved: nations are asked to pledge",
        "FUNDED": "Pledges cover every phase's budget",
        "IMPLEMENTING": "Under way: progress is reported",
        "COMPLETED": "Done",
        "CANCELLED": "Stopped (with a reason)",
    },
)


@strawberry.type(description="A phase of a project and its budget")
class TrustFundPhase:
    id: strawberry.ID = strawberry.field(description="Its id")
    name: str = strawberry.field(description="What the phase does")
    budget_eur: Decimal = strawberry.field(description="Its budget in euros")


@strawberry.type(description="A nation's pledge or payment")
class TrustFundMoney:
    nation: str = strawberry.field(description="The nation (ISO 3166 alpha-3)")
    amount_eur: Decimal = strawberry.field(description="How much, in euros")
    created_at: datetime = strawberry.field(description="When")


@strawberry.type(description="A progress report on a project")
class TrustFundReport:
    period: str = strawberry.field(description="The period: 2026, 2026-H1 or 2026-Q3")
    narrative: str = strawberry.field(description="What was done")


@strawberry.type(description="One step of a project: who, when, why")
class TrustFundStep:
    from_status: str | None = strawberry.field(description="The status before")
    to_status: str = strawberry.field(description="The status after")
    actor: str = strawberry.field(description="Who took it")
    reason: str | None = strawberry.field(description="Why, when one was given")
    at: datetime = strawberry.field(description="When")


def _sees_all_money(info: strawberry.Info, project: Any) -> bool:
    own = info.context.actor.partner_only
    return own is None or own == project.beneficiary_iso


async def money_shown(info: strawberry.Info, project: Any, payment: bool) -> list[Any]:
    rows = [m for m in await info.context.loaders.trust_fund_money.load(project.id) if m.payment is payment]
    if _sees_all_money(info, project):
        return rows
    return [m for m in rows if m.nation == nation_of(info.context.actor)]
