"""The partnership frameworks: a vocabulary menu and programmes both speak, so it lives here once."""

from __future__ import annotations

from enum import Enum

from shared.graphql.enums import described_enum


class Framework(str, Enum):
    PFP = "PFP"
    MD = "MD"
    ICI = "ICI"
    PATG = "PATG"


described_enum(
    Framework,
    "Partnership framework a partner belongs to",
    {
        "PFP": "Partnership for Peace: the Euro-Atlantic partners (EAPC)",
        "MD": "Mediterranean Dialogue",
        "ICI": "Istanbul Cooperation Initiative: partners in the Gulf region",
        "PATG": "Partners across the globe",
    },
)
