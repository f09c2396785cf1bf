"""The menu's copy of programmes' partners."""

from __future__ import annotations

from menu.base import Base
from shared.readmodel import KnownPartnerColumns


class KnownPartner(KnownPartnerColumns, Base):
    """programmes' partner as the menu last heard of it (event-carried state)."""

    __tablename__ = "known_partner"
