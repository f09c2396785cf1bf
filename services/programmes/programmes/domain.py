"""Partner rules. Pure: no I/O, no framework."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.errors import BadUserInput
from shared.frameworks import Framework

ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass
class PartnerDetails:
    iso: str
    name: str
    framework: Framework
    suspended: bool = False
    enhanced_opportunities: bool = False
    ipap_since: int | None = None
    dcb: bool = False
    deep: bool = False


def check_partner(details: PartnerDetails) -> PartnerDetails:
    details.iso = details.iso.strip().upper()
    if not ISO3.match(details.iso):
        raise BadUserInput(f"{details.iso!r} is not an ISO 3166 alpha-3 code", field="iso")
    details.name = details.name.strip()
    if not details.name or len(details.name) > 200:
        raise BadUserInput("name must have 1 to 200 characters", field="name")
    if details.ipap_since is not None and not 1994 <= details.ipap_since <= 2100:
        raise BadUserInput("ipapSince is not a plausible year", field="ipapSince")
    return details
