"""What the menu hears of programmes' partners: programmes.partner.* keeps its copy."""

from __future__ import annotations

from menu.partners.repository import known_partners
from shared.db import UnitOfWork
from shared.events.envelope import CloudEvent
from shared.readmodel import Standing


async def on_partner_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """programmes.partner.*: keep the menu's copy of the partner."""
    await known_partners(uow.session).apply(event.data, Standing.of(event))
