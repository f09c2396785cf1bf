"""Women, Peace and Security (UNSCR 1325): how much an objective or an activity serves it. One vocabulary for
every service, since the marker travels on the menu's events to programmes' summaries."""

from __future__ import annotations

from enum import Enum


class WpsMarker(str, Enum):
    PRINCIPAL = "PRINCIPAL"
    SIGNIFICANT = "SIGNIFICANT"
    NOT_TARGETED = "NOT_TARGETED"


# Counted in a partner's WPS summary: the objectives and activities that serve the agenda at all.
SERVES_WPS = frozenset({WpsMarker.PRINCIPAL, WpsMarker.SIGNIFICANT})
