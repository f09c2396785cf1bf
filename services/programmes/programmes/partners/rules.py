"""Partner rules: what a partner's details must be. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from programmes.programmes.rules import ProgrammeType
from shared.domain_text import text_field
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
    interoperability_platform: bool = False
    ipap_since: int | None = None
    dcb: bool = False
    deep: bool = False
    tools: list[ProgrammeType] = field(default_factory=list)


def check_partner(details: PartnerDetails) -> PartnerDetails:
    details.iso = details.iso.strip().upper()
    if not ISO3.match(details.iso):
        raise BadUserInput(f"{details.iso!r} is not an ISO 3166 alpha-3 code", field="iso")
    details.name = text_field(details.name, "name", max_length=200) or ""
    if details.ipap_since is not None and not 1994 <= details.ipap_since <= 2100:
        raise BadUserInput("ipapSince is not a plausible year", field="ipapSince")
    details.tools = list(dict.fromkeys(details.tools))
    return details
