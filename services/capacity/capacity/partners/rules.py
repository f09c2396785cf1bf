"""Whether support may go to a partner. Pure."""

from __future__ import annotations

from shared.errors import BadUserInput, Conflict
from shared.partners import PartnerStanding


def check_partner_may_request(partner: PartnerStanding | None, iso: str, field: str = "partnerIso") -> None:
    """Support of every kind (a request, a Trust Fund project, an SPS grant) goes to a partner programmes knows
    and cooperates with."""
    if partner is None:
        raise BadUserInput(f"there is no partner {iso!r}", field=field)
    if partner.suspended:
        raise Conflict(f"cooperation with partner {iso} is suspended: it cannot be supported now", field=field)
