"""What a partner's account may act on, whatever the concern (nominations, exercise requests). Pure."""

from __future__ import annotations

from shared.auth import Actor, Role


def check_acts_for(caller: Actor, partner_iso: str, missing: Exception) -> None:
    """A partner acts for itself alone: another partner's nomination does not exist for it."""
    if caller.is_(Role.PARTNER) and caller.partner_only != partner_iso:
        raise missing
