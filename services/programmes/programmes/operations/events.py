"""The events of contributions to operations: programmes.operational_contribution.v1, a contribution's full state
and version at every change, and how the republish command tells them again."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from programmes.operations.models import OperationalContribution
from programmes.operations.repository import ContributionRepository
from programmes.operations.rules import ContributionKind, ContributionStatus, Operation
from shared.events.catalogue import EventCatalogue
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots
from shared.events.state import EventState

CONTRIBUTION_TOPIC = "programmes.operational_contribution.v1"


# Every state: camelCase fields, read from the ORM row (the same base in each concern's events.py).
class ContributionState(EventState):
    """programmes.operational_contribution.* data: a partner's contribution to an operation, as it now is."""

    id: str
    partner_iso: str
    operation: Operation
    kind: ContributionKind
    size: int
    description: str | None
    period_start: date
    period_end: date | None
    status: ContributionStatus
    version: int
    updated_at: datetime


# This concern's part of programmes' event catalogue (app.py puts the parts together, in the published order).
CATALOGUE = EventCatalogue("programmes")
CONTRIBUTION_EVENTS = CATALOGUE.topic(
    CONTRIBUTION_TOPIC,
    "operational_contribution",
    ContributionState,
    ["offered", "accepted", "declined", "deployed", "ended", "withdrawn"],
    "Every change of a partner's contribution to a NATO-led operation",
)


def contribution_event(verb: str, contribution: OperationalContribution) -> DomainEvent:
    state = ContributionState.model_validate(
        {
            **{n: getattr(contribution, n) for n in ContributionState.model_fields if n != "id"},
            "id": str(contribution.id),
        }
    )
    return CONTRIBUTION_EVENTS.event(verb, state, contribution.id)


async def _snapshots(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    return [contribution_event(SNAPSHOT, c) for c in await ContributionRepository(session).get_many(ids)]


# How the republish command (and the service, on a new log or a copy's state request) tells them again.
SNAPSHOTS = (Snapshots(CONTRIBUTION_TOPIC, OperationalContribution.id, OperationalContribution.updated_at, _snapshots),)
