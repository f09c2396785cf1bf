"""What a service that does not own partners knows of one (from programmes' events). Pure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartnerStanding:
    iso: str
    framework: str
    suspended: bool
