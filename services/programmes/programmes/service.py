"""Programmes use cases for partners and the programme lifecycle. They never commit.

A programme is one aggregate: any change to it or to what it holds bumps its version
and publishes its whole new state on programmes.programme.v1.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from programmes.events import partner_event, programme_event
from programmes.partners.access import ADMINISTER_PARTNERS, sees_partner
from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
from programmes.partners.rules import PartnerDetails, check_partner
from programmes.programmes.access import DECIDE_PROGRAMMES, PARTNER_STEPS, PREPARE_PROGRAMMES
from programmes.programmes.models import Programme, ProgrammeTransition
from programmes.programmes.repository import ProgrammeRepository
from programmes.programmes.rules import (
    EDITABLE_PROGRAMME,
    PROGRAMME_LIFECYCLE,
    ProgrammeDetails,
    ProgrammeStatus,
    check_may_submit,
    check_one_in_preparation,
    check_programme,
    check_takes_part,
    superseded_on_approval,
)
from shared.auth import Rule
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import BadUserInput, Conflict, Forbidden
from shared.frameworks import Framework


async def register_partner(uow: UnitOfWork, details: PartnerDetails) -> Partner:
    details = check_partner(details)
    partners = PartnerRepository(uow.session)
    if await partners.get(details.iso) is not None:
        raise Conflict(f"partner {details.iso} is already registered", field="iso")
    partner = Partner(**{**asdict(details), "tools": [t.value for t in details.tools]})
    partners.add(partner)
    uow.publish(partner_event("registered", partner))
    return partner


async def change_framework(uow: UnitOfWork, iso: str, framework: Framework, expected_version: int | None) -> Partner:
    partner = await _partner(uow, iso, expected_version)
    if partner.framework is framework:
        raise Conflict(f"{iso} is already in {framework.value}", field="framework")
    partner.framework = framework
    partner.bump()
    uow.publish(partner_event("updated", partner))
    return partner


async def update_partner_flags(
    uow: UnitOfWork, iso: str, changes: dict[str, Any], expected_version: int | None
) -> Partner:
    partner = await _partner(uow, iso, expected_version)
    current = {name: getattr(partner, name) for name in PartnerDetails.__dataclass_fields__}
    details = check_partner(PartnerDetails(**{**current, **changes}))
    for name in changes:
        value = getattr(details, name)
        setattr(partner, name, [t.value if hasattr(t, "value") else t for t in value] if name == "tools" else value)
    partner.bump()
    uow.publish(partner_event("updated", partner))
    return partner


async def suspend_partner(uow: UnitOfWork, iso: str, reason: str, expected_version: int | None) -> Partner:
    ADMINISTER_PARTNERS.require(uow.caller)
    reason = text_field(reason, "reason", max_length=1000) or ""
    partner = await _partner(uow, iso, expected_version)
    if partner.suspended:
        raise Conflict(f"cooperation with {iso} is already suspended")
    partner.suspended, partner.suspension_reason = True, reason
    partner.bump()
    uow.publish(partner_event("suspended", partner))
    return partner


async def reinstate_partner(uow: UnitOfWork, iso: str, expected_version: int | None) -> Partner:
    partner = await _partner(uow, iso, expected_version)
    if not partner.suspended:
        raise Conflict(f"cooperation with {iso} is not suspended")
    partner.suspended, partner.suspension_reason = False, None
    partner.bump()
    uow.publish(partner_event("reinstated", partner))
    return partner


async def _partner(uow: UnitOfWork, iso: str, expected_version: int | None) -> Partner:
    ADMINISTER_PARTNERS.require(uow.caller)
    return await PartnerRepository(uow.session).for_change(iso.strip().upper(), expected_version)


async def create_programme(uow: UnitOfWork, details: ProgrammeDetails) -> Programme:
    PREPARE_PROGRAMMES.require(uow.caller)
    details = check_programme(details)
    if not sees_partner(uow.caller, details.partner_iso):
        raise Forbidden(f"a partner prepares its own programmes only, not {details.partner_iso}'s")
    partner = await PartnerRepository(uow.session).get(details.partner_iso)
    if partner is None:
        raise BadUserInput(f"there is no partner {details.partner_iso!r}", field="partnerIso")
    check_takes_part(details.type, partner.tools, partner.iso)
    programmes = ProgrammeRepository(uow.session)
    current = await programmes.in_preparation(partner.iso, details.type)
    check_one_in_preparation(
        details.type, partner.iso, (current.revision, current.status.value) if current is not None else None
    )
    programme = Programme(
        **asdict(details),
        status=ProgrammeStatus.DRAFT,
        revision=await programmes.next_revision(details.partner_iso, details.type),
    )
    programmes.add(programme)
    programmes.add(
        ProgrammeTransition(
            programme_id=programme.id,
            from_status=None,
            to_status=ProgrammeStatus.DRAFT,
            actor=uow.actor,
            note=f"revision {programme.revision}",
        )
    )
    await publish_programme(uow, programme, "created")
    return programme


async def update_programme(
    uow: UnitOfWork, programme_id: uuid.UUID, changes: dict[str, Any], expected_version: int | None
) -> Programme:
    programme = await load_programme(uow, programme_id, expected_version, rule=PREPARE_PROGRAMMES)
    if programme.status not in EDITABLE_PROGRAMME:
        raise Conflict(
            f"an {programme.status.value.lower()} programme cannot change", currentStatus=programme.status.value
        )
    current = {name: getattr(programme, name) for name in ProgrammeDetails.__dataclass_fields__}
    details = check_programme(ProgrammeDetails(**{**current, **changes}))
    for name in changes:
        setattr(programme, name, getattr(details, name))
    programme.bump()
    await publish_programme(uow, programme, "updated")
    return programme


# verb of the event -> target status
STEPS = {
    "submitted": ProgrammeStatus.SUBMITTED,
    "negotiation_started": ProgrammeStatus.IN_NEGOTIATION,
    "approved": ProgrammeStatus.APPROVED,
    "implementation_started": ProgrammeStatus.IMPLEMENTING,
    "completed": ProgrammeStatus.COMPLETED,
    "withdrawn": ProgrammeStatus.WITHDRAWN,
}


async def advance_programme(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    verb: str,
    note: str | None = None,
    expected_version: int | None = None,
    supersedes: uuid.UUID | None = None,
    today: date | None = None,
) -> Programme:
    """One lifecycle step, kept in the history with who, when and why."""
    rule = PREPARE_PROGRAMMES if verb in PARTNER_STEPS else DECIDE_PROGRAMMES
    rule.require(uow.caller)
    # A withdrawal's note is its reason, and the mutation calls it so.
    note = text_field(note, "reason" if verb == "withdrawn" else "note", max_length=2000, required=verb == "withdrawn")
    programme = await load_programme(uow, programme_id, expected_version, rule=rule)
    target = STEPS[verb]
    PROGRAMME_LIFECYCLE.transition(programme.status, target)  # a step not allowed is told before anything else
    if supersedes is not None and target is not ProgrammeStatus.APPROVED:
        raise BadUserInput("only an approval supersedes", field="supersedes")
    if target is ProgrammeStatus.SUBMITTED:
        partner = await PartnerRepository(uow.session).get(programme.partner_iso)
        check_may_submit(bool(partner and partner.suspended), programme.partner_iso)
    earlier = (
        await ProgrammeRepository(uow.session).approved_earlier(programme) if target is ProgrammeStatus.APPROVED else []
    )
    superseded = superseded_on_approval(
        [(str(e.id), e.period_end) for e in earlier], str(supersedes) if supersedes else None, today or date.today()
    )
    await _transition(uow, programme, target, note)
    await publish_programme(uow, programme, verb)
    for edition in earlier:
        if str(edition.id) in superseded:
            await _transition(uow, edition, ProgrammeStatus.SUPERSEDED, f"superseded by revision {programme.revision}")
            await publish_programme(uow, edition, "superseded")
    return programme


async def _transition(uow: UnitOfWork, programme: Programme, target: ProgrammeStatus, note: str | None) -> None:
    previous = programme.move_to(target)
    uow.session.add(
        ProgrammeTransition(
            programme_id=programme.id, from_status=previous, to_status=target, actor=uow.actor, note=note
        )
    )


async def load_programme(
    uow: UnitOfWork,
    programme_id: uuid.UUID,
    expected_version: int | None = None,
    field: str | None = None,
    rule: Rule = DECIDE_PROGRAMMES,
    missing: Exception | None = None,
) -> Programme:
    """The programme, locked for a change the caller may make under `rule` (deciding, unless told)."""
    return await ProgrammeRepository(uow.session).for_change_by(
        uow.caller, rule, programme_id, expected_version, field, missing
    )


async def publish_programme(uow: UnitOfWork, programme: Programme, verb: str) -> None:
    await uow.session.flush()
    contents = await ProgrammeRepository(uow.session).contents(programme)
    uow.publish(programme_event(verb, programme, contents))
