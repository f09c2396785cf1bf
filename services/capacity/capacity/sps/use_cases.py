"""SPS use cases: file an application, review it, approve (with the panel's outcome and a grant) or reject, run
the grant with reports, complete it. They never commit; every change publishes the whole application."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from decimal import Decimal

from capacity.partners.access import check_acts_as
from capacity.partners.repository import known_partners
from capacity.partners.rules import check_partner_may_request
from capacity.requests.rules import check_report
from capacity.sps.access import DECIDE_SPS, FILE_SPS
from capacity.sps.events import sps_event
from capacity.sps.models import SpsApplication, SpsReport, SpsTransition
from capacity.sps.repository import SpsRepository
from capacity.sps.rules import SpsDetails, SpsStatus, check_application, check_grant
from shared.auth import Role
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict

STEPS = {
    "review_started": SpsStatus.UNDER_REVIEW,
    "approved": SpsStatus.APPROVED,
    "rejected": SpsStatus.REJECTED,
    "activated": SpsStatus.ACTIVE,
    "completed": SpsStatus.COMPLETED,
}


async def submit(uow: UnitOfWork, details: SpsDetails) -> SpsApplication:
    """Staff, or a nation's officials for their nation: an Ally as the NATO country, a partner as the partner."""
    FILE_SPS.require(uow.caller)
    details = check_application(details)
    if uow.caller.is_(Role.ALLY):
        check_acts_as(uow.caller, details.nato_country, "files SPS applications")
    if uow.caller.is_(Role.PARTNER):
        check_acts_as(uow.caller, details.partner_country, "files SPS applications")
    partners = known_partners(uow.session)
    check_partner_may_request(
        await partners.standing(details.partner_country), details.partner_country, "partnerCountry"
    )
    if await partners.standing(details.nato_country) is not None:
        raise BadUserInput(
            f"{details.nato_country} is a partner: a co-director comes from a NATO country", field="natoCountry"
        )
    application = SpsApplication(status=SpsStatus.SUBMITTED, **asdict(details))
    repository = SpsRepository(uow.session)
    repository.add(application)
    await uow.flush()  # no relationship orders the inserts: the application first, for its transition's key
    repository.add(SpsTransition(application_id=application.id, to_status=SpsStatus.SUBMITTED.value, actor=uow.actor))
    return await _changed(uow, application, "submitted", bump=False)


async def advance(
    uow: UnitOfWork,
    application_id: uuid.UUID,
    verb: str,
    outcome: str | None = None,
    grant: Decimal | None = None,
    expected_version: int | None = None,
) -> SpsApplication:
    """One step, by staff: a decision carries the review panel's outcome; an approval its grant."""
    DECIDE_SPS.require(uow.caller)
    target = STEPS[verb]
    decision = target in (SpsStatus.APPROVED, SpsStatus.REJECTED)
    outcome = text_field(outcome, "panelOutcome", max_length=5000, required=decision)
    application = await SpsRepository(uow.session).for_change(application_id, expected_version)
    if target is SpsStatus.APPROVED:
        if grant is None:
            raise BadUserInput("an approval names the grant", field="grantEur")
        application.grant_eur = check_grant(grant, application.budget_eur)
    previous = application.move_to(target)
    if decision:
        application.panel_outcome = outcome
    SpsRepository(uow.session).add(
        SpsTransition(
            application_id=application.id,
            from_status=previous.value,
            to_status=target.value,
            actor=uow.actor,
            reason=outcome,
        )
    )
    return await _changed(uow, application, verb, bump=False)


async def report(
    uow: UnitOfWork, application_id: uuid.UUID, period: str, narrative: str, expected_version: int | None = None
) -> SpsApplication:
    DECIDE_SPS.require(uow.caller)
    repository = SpsRepository(uow.session)
    application = await repository.for_change(application_id, expected_version)
    if application.status is not SpsStatus.ACTIVE:
        raise Conflict("reports are made while the grant is ACTIVE", currentStatus=application.status.value)
    period, narrative = check_report(
        period, narrative, (r.period for r in await repository.reports_of([application.id])), date.today()
    )
    repository.add(SpsReport(application_id=application.id, period=period, narrative=narrative))
    return await _changed(uow, application, "reported")


async def _changed(uow: UnitOfWork, application: SpsApplication, verb: str, bump: bool = True) -> SpsApplication:
    if bump:
        application.bump()
    await uow.flush()
    uow.publish(sps_event(verb, application, list(await SpsRepository(uow.session).reports_of([application.id]))))
    return application
