"""Trust Fund use cases: propose a project with its phases, approve, pledge, pay, fund, implement, complete or
cancel, report progress. They never commit; every change publishes the whole project."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from capacity.partners.access import check_acts_as, nation_of
from capacity.partners.repository import known_partners
from capacity.partners.rules import check_partner_may_request
from capacity.requests.rules import check_report
from capacity.trust_funds.access import FUND_TRUST_FUNDS, RUN_TRUST_FUNDS
from capacity.trust_funds.events import trust_fund_event
from capacity.trust_funds.models import (
    TrustFundPhase,
    TrustFundPledge,
    TrustFundProject,
    TrustFundReport,
    TrustFundTransition,
)
from capacity.trust_funds.repository import TrustFundRepository
from capacity.trust_funds.rules import (
    PLANNED,
    TAKES_PLEDGES,
    PhaseDetails,
    ProjectDetails,
    ProjectStatus,
    check_amount,
    check_fundable,
    check_payment,
    check_phase,
    check_project,
)
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import Conflict
from shared.iso_codes import check_country

STEPS = {
    "approved": ProjectStatus.APPROVED,
    "funded": ProjectStatus.FUNDED,
    "implementation_started": ProjectStatus.IMPLEMENTING,
    "completed": ProjectStatus.COMPLETED,
    "cancelled": ProjectStatus.CANCELLED,
}


async def propose(uow: UnitOfWork, details: ProjectDetails) -> TrustFundProject:
    RUN_TRUST_FUNDS.require(uow.caller)
    details = check_project(details)
    check_partner_may_request(
        await known_partners(uow.session).standing(details.beneficiary_iso), details.beneficiary_iso, "beneficiaryIso"
    )
    project = TrustFundProject(
        beneficiary_iso=details.beneficiary_iso,
        kind=details.kind,
        title=details.title,
        description=details.description,
        lead_nations=details.lead_nations,
        status=ProjectStatus.PROPOSED,
    )
    repository = TrustFundRepository(uow.session)
    repository.add(project)
    await uow.flush()  # no relationship orders the inserts: the project first, for its children's key
    for p in details.phases:
        repository.add(TrustFundPhase(project_id=project.id, name=p.name, budget_eur=p.budget_eur))
    repository.add(TrustFundTransition(project_id=project.id, to_status=ProjectStatus.PROPOSED.value, actor=uow.actor))
    return await _changed(uow, project, "proposed", bump=False)


async def add_phase(
    uow: UnitOfWork, project_id: uuid.UUID, phase: PhaseDetails, expected_version: int | None = None
) -> TrustFundProject:
    RUN_TRUST_FUNDS.require(uow.caller)
    project = await TrustFundRepository(uow.session).for_change(project_id, expected_version)
    if project.status not in PLANNED:
        raise Conflict("phases are planned until the project is approved", currentStatus=project.status.value)
    phase = check_phase(phase, "phase")
    TrustFundRepository(uow.session).add(
        TrustFundPhase(project_id=project.id, name=phase.name, budget_eur=phase.budget_eur)
    )
    return await _changed(uow, project, "phase_added")


async def advance(
    uow: UnitOfWork, project_id: uuid.UUID, verb: str, reason: str | None = None, expected_version: int | None = None
) -> TrustFundProject:
    RUN_TRUST_FUNDS.require(uow.caller)
    target = STEPS[verb]
    reason = text_field(reason, "reason", max_length=2000, required=target is ProjectStatus.CANCELLED)
    repository = TrustFundRepository(uow.session)
    project = await repository.for_change(project_id, expected_version)
    if target is ProjectStatus.FUNDED:
        check_fundable((await repository.contents(project)).gap)
    previous = project.move_to(target)
    repository.add(
        TrustFundTransition(
            project_id=project.id, from_status=previous.value, to_status=target.value, actor=uow.actor, reason=reason
        )
    )
    return await _changed(uow, project, verb, bump=False)


async def give(
    uow: UnitOfWork,
    project_id: uuid.UUID,
    nation: str | None,
    amount: Decimal,
    payment: bool,
    expected_version: int | None = None,
) -> TrustFundProject:
    """A nation pledges, or pays against what it pledged, as itself (staff for any nation)."""
    FUND_TRUST_FUNDS.require(uow.caller)
    country = check_country(nation or nation_of(uow.caller) or "", "nation")
    check_acts_as(uow.caller, country, "pays and pledges")
    amount = check_amount(amount, "amountEur")
    repository = TrustFundRepository(uow.session)
    project = await repository.for_change(project_id, expected_version)
    if project.status not in TAKES_PLEDGES:
        raise Conflict(f"a {project.status.value.lower()} project takes no money", currentStatus=project.status.value)
    if payment:
        money = (await repository.contents(project)).money
        check_payment(
            sum((m.amount_eur for m in money if m.nation == country and not m.payment), Decimal(0)),
            sum((m.amount_eur for m in money if m.nation == country and m.payment), Decimal(0)),
            amount,
        )
    repository.add(TrustFundPledge(project_id=project.id, nation=country, amount_eur=amount, payment=payment))
    return await _changed(uow, project, "paid" if payment else "pledged")


async def report(
    uow: UnitOfWork, project_id: uuid.UUID, period: str, narrative: str, expected_version: int | None = None
) -> TrustFundProject:
    RUN_TRUST_FUNDS.require(uow.caller)
    repository = TrustFundRepository(uow.session)
    project = await repository.for_change(project_id, expected_version)
    if project.status is not ProjectStatus.IMPLEMENTING:
        raise Conflict("progress is reported while the project is IMPLEMENTING", currentStatus=project.status.value)
    period, narrative = check_report(
        period, narrative, (r.period for r in await repository.reports_of([project.id])), date.today()
    )
    repository.add(TrustFundReport(project_id=project.id, period=period, narrative=narrative))
    return await _changed(uow, project, "progress_reported")


async def _changed(uow: UnitOfWork, project: TrustFundProject, verb: str, bump: bool = True) -> TrustFundProject:
    if bump:
        project.bump()
    await uow.flush()
    uow.publish(trust_fund_event(verb, project, await TrustFundRepository(uow.session).contents(project)))
    return project
