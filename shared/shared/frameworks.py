"""The partnership frameworks: a vocabulary menu and programmes both speak, so it lives here once."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Partnership framework a partner belongs to")
class Framework(str, Enum):
    PFP = "PFP"  # Partnership for Peace / EAPC
    MD = "MD"  # Mediterranean Dialogue
    ICI = "ICI"  # Istanbul Cooperation Initiative
    PATG = "PATG"  # Partners across the globe
