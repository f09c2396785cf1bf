"""What a menu change does to partners' commitments. Pure: which changes count, and what a programme's or a
capacity request's published state commits its partner to.

A partner is touched by a menu change when the activity is withdrawn, or one of its occurrences is cancelled,
moved (dates or place) or has its seats changed, and the partner plans the activity (for that occurrence's
year), links it from a capacity measure, or has people nominated to it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any


class ImpactKind(str, Enum):
    ACTIVITY_WITHDRAWN = "ACTIVITY_WITHDRAWN"
    OCCURRENCE_CANCELLED = "OCCURRENCE_CANCELLED"
    OCCURRENCE_MOVED = "OCCURRENCE_MOVED"
    SEATS_CHANGED = "SEATS_CHANGED"


class CommitmentKind(str, Enum):
    PLAN = "PLAN"
    MEASURE = "MEASURE"


# The fields of a change that a partner's plans care about, per aggregate.
TOLD_FIELDS = {
    "activity": ("status", "withdrawalReason"),
    "occurrence": ("status", "cancellationReason", "startDate", "endDate", "location", "seats", "quotaPerPartner"),
}
MOVED = frozenset({"startDate", "endDate", "location"})
SEATS = frozenset({"seats", "quotaPerPartner"})
# Programmes and requests whose commitments still hold, and the plans that are still to happen.
ENDED_PROGRAMMES = frozenset({"WITHDRAWN", "SUPERSEDED", "COMPLETED"})
OPEN_PLANS = frozenset({"PLANNED", "CONFIRMED"})
ENDED_REQUESTS = frozenset({"DECLINED", "WITHDRAWN", "COMPLETED"})


def impact_of(event_type: str, changed: set[str]) -> ImpactKind | None:
    """The kind of impact of a menu event, given the fields it changed; None when it touches no commitment."""
    if event_type == "menu.activity.withdrawn":
        return ImpactKind.ACTIVITY_WITHDRAWN
    if event_type == "menu.occurrence.cancelled":
        return ImpactKind.OCCURRENCE_CANCELLED
    if event_type == "menu.occurrence.updated":
        if changed & MOVED:
            return ImpactKind.OCCURRENCE_MOVED
        if changed & SEATS:
            return ImpactKind.SEATS_CHANGED
    return None


@dataclass(frozen=True)
class CommittedTo:
    """One commitment of a partner to an activity: a plan (for a year) or a capacity measure."""

    kind: CommitmentKind
    source_id: uuid.UUID  # the programme or the request
    item_id: uuid.UUID  # the planned activity or the measure
    activity_id: uuid.UUID
    partner_iso: str
    year: int | None = None


def commitments_of_programme(state: dict[str, Any]) -> list[CommittedTo]:
    """A programme's open plans of menu activities, from its published state; none once it has ended."""
    if state["status"] in ENDED_PROGRAMMES:
        return []
    return [
        CommittedTo(
            CommitmentKind.PLAN,
            uuid.UUID(state["id"]),
            uuid.UUID(plan["id"]),
            uuid.UUID(plan["activityId"]),
            state["partnerIso"],
            int(plan["year"]),
        )
        for plan in state.get("plannedActivities", [])
        if plan["status"] in OPEN_PLANS
    ]


def commitments_of_request(state: dict[str, Any]) -> list[CommittedTo]:
    """A capacity request's measures and the menu activities each links; none once it has ended."""
    package = state.get("package")
    if state["status"] in ENDED_REQUESTS or not package:
        return []
    return [
        CommittedTo(
            CommitmentKind.MEASURE,
            uuid.UUID(state["id"]),
            uuid.UUID(measure["id"]),
            uuid.UUID(activity_id),
            state["partnerIso"],
        )
        for measure in package.get("measures", [])
        for activity_id in dict.fromkeys(measure["activityIds"])
    ]
