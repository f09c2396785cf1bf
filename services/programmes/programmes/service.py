"""Programmes use cases: load, apply a rule, save, publish the event. They never commit."""

from __future__ import annotations

from dataclasses import asdict

from programmes.domain import PartnerDetails, check_partner
from programmes.events import partner_event
from programmes.models import Partner
from programmes.repository import PartnerRepository
from shared.db import UnitOfWork
from shared.errors import Conflict


async def register_partner(uow: UnitOfWork, details: PartnerDetails) -> Partner:
    details = check_partner(details)
    partners = PartnerRepository(uow.session)
    if await partners.get(details.iso) is not None:
        raise Conflict(f"partner {details.iso} is already registered", field="iso")
    partner = Partner(**asdict(details))
    partners.add(partner)
    uow.publish(partner_event("registered", partner))
    return partner
