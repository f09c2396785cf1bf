"""The menu's copy of programmes' partners: its statements are the shared read model's."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from menu.partners.models import KnownPartner
from shared.readmodel import PartnerReadModel


def known_partners(session: AsyncSession) -> PartnerReadModel:
    """The menu's copy of programmes' partners (for named eligibility and the openTo filter)."""
    return PartnerReadModel(session, KnownPartner)
