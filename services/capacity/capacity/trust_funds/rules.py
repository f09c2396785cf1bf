"""NATO Trust Fund projects: Allies and partners fund demilitarisation (destroying surplus munitions, mines) and
defence transformation projects in a partner country, led by one or more lead nations. Pure: no I/O.

A project is PROPOSED with phases and their budgets, APPROVED, FUNDED once pledges cover every phase's budget,
IMPLEMENTING, COMPLETED; it may be CANCELLED before it completes. Nations pledge and pay as themselves; a nation
pays at most what it pledged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict
from shared.iso_codes import check_country
from shared.lifecycle import Lifecycle

MAX_EUR = Decimal("1000000000")
CENTS = Decimal("0.01")


class ProjectKind(str, Enum):
    DEMILITARISATION = "DEMILITARISATION"
    DEFENCE_TRANSFORMATION = "DEFENCE_TRANSFORMATION"


class ProjectStatus(str, Enum):
    PROPOSED = "PROPOSED"
    APPROVED = "APPROVED"
    FUNDED = "FUNDED"
    IMPLEMENTING = "IMPLEMENTING"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


PROJECT_LIFECYCLE = Lifecycle(
    "TrustFundProject",
    {
        ProjectStatus.PROPOSED: {ProjectStatus.APPROVED, ProjectStatus.CANCELLED},
        ProjectStatus.APPROVED: {ProjectStatus.FUNDED, ProjectStatus.CANCELLED},
        ProjectStatus.FUNDED: {ProjectStatus.IMPLEMENTING, ProjectStatus.CANCELLED},
        ProjectStatus.IMPLEMENTING: {ProjectStatus.COMPLETED, ProjectStatus.CANCELLED},
    },
)
# Phases are planned until approval; pledges are taken from approval until completion.
PLANNED = frozenset({ProjectStatus.PROPOSED})
TAKES_PLEDGES = frozenset({ProjectStatus.APPROVED, ProjectStatus.FUNDED, ProjectStatus.IMPLEMENTING})


@dataclass
class PhaseDetails:
    name: str
    budget_eur: Decimal


@dataclass
class ProjectDetails:
    beneficiary_iso: str
    kind: ProjectKind
    title: str
    description: str
    lead_nations: list[str]
    phases: list[PhaseDetails] = field(default_factory=list)


def check_amount(amount: Decimal, at: str) -> Decimal:
    if not amount.is_finite() or not Decimal(0) < amount <= MAX_EUR:
        raise BadUserInput(f"an amount is above 0 and at most {MAX_EUR} euros", field=at)
    if amount != amount.quantize(CENTS):
        raise BadUserInput("an amount has at most two decimals", field=at)
    return amount


def check_phase(phase: PhaseDetails, at: str) -> PhaseDetails:
    phase.name = text_field(phase.name, f"{at}.name", max_length=200) or ""
    check_amount(phase.budget_eur, f"{at}.budgetEur")
    return phase


def check_project(details: ProjectDetails) -> ProjectDetails:
    details.beneficiary_iso = check_country(details.beneficiary_iso, "beneficiaryIso")
    details.title = text_field(details.title, "title", max_length=200) or ""
    details.description = text_field(details.description, "description", max_length=10_000) or ""
    details.lead_nations = list(dict.fromkeys(check_country(n, "leadNations") for n in details.lead_nations))
    if not details.lead_nations:
        raise BadUserInput("a project has at least one lead nation", field="leadNations")
    if not details.phases:
        raise BadUserInput("a project has at least one phase", field="phases")
    details.phases = [check_phase(p, f"phases.{i}") for i, p in enumerate(details.phases)]
    return details


def funding_gap(budgets: Iterable[Decimal], pledges: Iterable[Decimal]) -> Decimal:
    """What the phases' budgets still lack after the pledges (never below zero)."""
    return max(Decimal(0), sum(budgets, Decimal(0)) - sum(pledges, Decimal(0))).quantize(CENTS)


def check_fundable(gap: Decimal) -> None:
    if gap > 0:
        raise Conflict(f"pledges fall {gap} euros short of the budget", field="id")


def check_payment(pledged: Decimal, paid: Decimal, amount: Decimal) -> None:
    if paid + amount > pledged:
        raise Conflict(f"a nation pays at most what it pledged ({pledged} euros; {paid} paid)", field="amountEur")
