"""Use cases of partners' contributions to NATO-led operations: offer, accept, decline, deploy, end, withdraw.
They never commit."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date

from programmes.operations.access import DECIDE_CONTRIBUTIONS, OFFER_CONTRIBUTIONS
from programmes.operations.events import contribution_event
from programmes.operations.models import OperationalContribution, OperationalContributionTransition
from programmes.operations.repository import ContributionRepository
from programmes.operations.rules import ContributionDetails, ContributionStatus, check_contribution, check_end
from programmes.partners.access import sees_partner
from programmes.partners.repository import PartnerRepository
from shared.auth import Rule
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, Forbidden

STEPS = {
    "accepted": ContributionStatus.ACCEPTED,
    "declined": ContributionStatus.DECLINED,
    "deployed": ContributionStatus.DEPLOYED,
    "ended": ContributionStatus.ENDED,
    "withdrawn": ContributionStatus.WITHDRAWN,
}


async def offer_contribution(uow: UnitOfWork, details: ContributionDetails) -> OperationalContribution:
    OFFER_CONTRIBUTIONS.require(uow.caller)
    details = check_contribution(details)
    if not sees_partner(uow.caller, details.partner_iso):
        raise Forbidden(f"a partner offers its own contributions only, not {details.partner_iso}'s")
    partner = await PartnerRepository(uow.session).get(details.partner_iso)
    if partner is None:
        raise BadUserInput(f"there is no partner {details.partner_iso!r}", field="partnerIso")
    if partner.suspended:
        raise Conflict(f"cooperation with {partner.iso} is suspended", field="partnerIso")
    contribution = OperationalContribution(status=ContributionStatus.OFFERED, **asdict(details))
    contributions = ContributionRepository(uow.session)
    contributions.add(contribution)
    await uow.flush()  # no relationship orders the inserts: the contribution first, for its transition's key
    contributions.add(
        OperationalContributionTransition(
            contribution_id=contribution.id, from_status=None, to_status=ContributionStatus.OFFERED, actor=uow.actor
        )
    )
    uow.publish(contribution_event("offered", contribution))
    return contribution


async def advance_contribution(
    uow: UnitOfWork,
    contribution_id: uuid.UUID,
    verb: str,
    note: str | None = None,
    ended_on: date | None = None,
    expected_version: int | None = None,
) -> OperationalContribution:
    """One step: staff accept, decline (with a reason), record deployed or ended (with the day); the partner
    withdraws its own until it deploys."""
    rule: Rule = OFFER_CONTRIBUTIONS if verb == "withdrawn" else DECIDE_CONTRIBUTIONS
    rule.require(uow.caller)  # before any lookup or check of the input: a refusal says nothing of what exists
    target = STEPS[verb]
    note = text_field(note, "reason", max_length=1000, required=target is ContributionStatus.DECLINED)
    contribution = await ContributionRepository(uow.session, uow.caller).for_change_under(
        rule, contribution_id, expected_version
    )
    if target is ContributionStatus.ENDED:
        if ended_on is None:
            raise BadUserInput("give the day the contribution ended", field="endedOn")
        check_end(contribution.period_start, ended_on, contribution.operation)
        contribution.period_end = ended_on
    previous = contribution.move_to(target)
    ContributionRepository(uow.session).add(
        OperationalContributionTransition(
            contribution_id=contribution.id, from_status=previous, to_status=target, actor=uow.actor, note=note
        )
    )
    uow.publish(contribution_event(verb, contribution))
    return contribution
