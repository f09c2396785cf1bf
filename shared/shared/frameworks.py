"""The partnership frameworks: a vocabulary menu and programmes both speak, so it lives here once.
Pure: its GraphQL meaning is registered in shared.graphql.frameworks."""

from __future__ import annotations

from enum import Enum


class Framework(str, Enum):
    PFP = "PFP"
    MD = "MD"
    ICI = "ICI"
    PATG = "PATG"
