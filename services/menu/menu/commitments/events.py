"""What the menu hears of partners' commitments: programmes' programmes and capacity's requests, kept as the
commitments they make to menu activities."""

from __future__ import annotations

import uuid

from menu.commitments.repository import CommitmentRepository
from menu.commitments.rules import CommitmentKind, commitments_of_programme, commitments_of_request
from shared.db import UnitOfWork
from shared.events.envelope import CloudEvent
from shared.readmodel import Standing


async def on_programme_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """programmes.programme.*: keep which activities the programme's partner plans, and for which year."""
    state = event.data
    await CommitmentRepository(uow.session).replace(
        uuid.UUID(state["id"]),
        CommitmentKind.PLAN.value,
        state["partnerIso"],
        state["version"],
        commitments_of_programme(state),
        Standing.of(event),
    )


async def on_request_changed(uow: UnitOfWork, event: CloudEvent) -> None:
    """capacity.request.*: keep which activities the request's measures link."""
    state = event.data
    await CommitmentRepository(uow.session).replace(
        uuid.UUID(state["id"]),
        CommitmentKind.MEASURE.value,
        state["partnerIso"],
        state["version"],
        commitments_of_request(state),
        Standing.of(event),
    )
