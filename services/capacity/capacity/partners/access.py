"""Whom an Ally's or a partner's account acts for, which the toolboxes (assistance, Trust Funds, SPS) check
before letting it act as a country. Pure."""

from __future__ import annotations

from shared.auth import Actor, Role
from shared.errors import Forbidden


def nation_of(caller: Actor) -> str | None:
    """The country an Ally's or a partner's account acts for; None for staff (who act for anyone)."""
    return caller.nation if caller.is_(Role.ALLY) else caller.partner_only


def acts_as(caller: Actor, country: str) -> bool:
    """Staff act for any country; an Ally's or a partner's account for its own only (for none when unbound)."""
    return not caller.is_(Role.ALLY, Role.PARTNER) or nation_of(caller) == country


def check_acts_as(caller: Actor, country: str, what: str) -> None:
    if not acts_as(caller, country):
        raise Forbidden(f"an account {what} as its own country ({nation_of(caller)}) only, not as {country}")
