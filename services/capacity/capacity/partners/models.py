"""capacity's read model of programmes' partners (event-carried state)."""

from __future__ import annotations

from capacity.base import Base
from shared.readmodel import KnownPartnerColumns


class KnownPartner(KnownPartnerColumns, Base):
    """programmes' partner as capacity last heard of it (event-carried state)."""

    __tablename__ = "known_partner"
