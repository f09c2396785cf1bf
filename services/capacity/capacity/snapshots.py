"""Capacity's aggregates told again from their state (the republish command): requests, a batch at a time,
with the builder of every other event."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from capacity.events import REQUEST_TOPIC, request_event
from capacity.models import CapacityRequest
from capacity.repository import RequestRepository
from shared.events.envelope import DomainEvent
from shared.events.republish import SNAPSHOT, Snapshots


async def _requests(session: AsyncSession, ids: Sequence[uuid.UUID]) -> list[DomainEvent]:
    repository = RequestRepository(session)
    return [request_event(SNAPSHOT, r, await repository.contents(r)) for r in await repository.get_many(ids)]


SNAPSHOTS = (Snapshots(REQUEST_TOPIC, CapacityRequest.id, CapacityRequest.updated_at, _requests),)
