"""Partners' use cases: register, move to another framework, change flags and tools, suspend, reinstate. Staff
only, checked first. They never commit."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from programmes.partners.access import ADMINISTER_PARTNERS
from programmes.partners.events import partner_event
from programmes.partners.models import Partner
from programmes.partners.repository import PartnerRepository
from programmes.partners.rules import PartnerDetails, check_partner
from shared.db import UnitOfWork
from shared.domain_text import text_field
from shared.errors import Conflict
from shared.frameworks import Framework


async def register_partner(uow: UnitOfWork, details: PartnerDetails) -> Partner:
    ADMINISTER_PARTNERS.require(uow.caller)
    details = check_partner(details)
    partners = PartnerRepository(uow.session)
    if await partners.get(details.iso) is not None:
        raise Conflict(f"partner {details.iso} is already registered", field="iso")
    partner = Partner(**{**asdict(details), "tools": [t.value for t in details.tools]})
    partners.add(partner)
    uow.publish(partner_event("registered", partner))
    return partner


async def change_framework(uow: UnitOfWork, iso: str, framework: Framework, expected_version: int | None) -> Partner:
    ADMINISTER_PARTNERS.require(uow.caller)
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
    ADMINISTER_PARTNERS.require(uow.caller)
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
    ADMINISTER_PARTNERS.require(uow.caller)
    partner = await _partner(uow, iso, expected_version)
    if not partner.suspended:
        raise Conflict(f"cooperation with {iso} is not suspended")
    partner.suspended, partner.suspension_reason = False, None
    partner.bump()
    uow.publish(partner_event("reinstated", partner))
    return partner


async def _partner(uow: UnitOfWork, iso: str, expected_version: int | None) -> Partner:
    """The partner, locked for a change the caller was allowed to make."""
    return await PartnerRepository(uow.session).for_change(iso.strip().upper(), expected_version)
