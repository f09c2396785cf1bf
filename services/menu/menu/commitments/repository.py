"""Every SQL statement about partners' commitments to menu activities."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select

from menu.commitments.models import Commitment, CommitmentSource
from menu.commitments.rules import CommittedTo
from shared.db import any_of
from shared.readmodel import Standing, upsert_if_newer
from shared.repository import Repository


class CommitmentRepository(Repository[Any]):  # Repository's model is Versioned; a copy's source is not
    """The menu's copy of partners' commitments to its activities (programmes' plans, capacity's measures), by
    the source (a programme, a capacity request) they come from."""

    model = CommitmentSource

    async def replace(
        self,
        source_id: uuid.UUID,
        kind: str,
        partner_iso: str,
        version: int,
        commitments: Sequence[CommittedTo],
        standing: Standing,
    ) -> bool:
        """A source's commitments as of `version`, in place of those held; False when it holds this version
        or a newer one already."""
        if not await upsert_if_newer(
            self.session,
            CommitmentSource,
            "id",
            {"id": source_id, "kind": kind, "partner_iso": partner_iso, "version": version},
            standing,
        ):
            return False
        await self.session.execute(delete(Commitment).where(Commitment.source_id == source_id))
        if commitments:
            await self.session.execute(
                insert(Commitment),
                [
                    {
                        "source_id": c.source_id,
                        "item_id": c.item_id,
                        "activity_id": c.activity_id,
                        "kind": c.kind.value,
                        "partner_iso": c.partner_iso,
                        "year": c.year,
                    }
                    for c in commitments
                ],
            )
        return True

    async def of_activities(self, activity_ids: Sequence[uuid.UUID]) -> Sequence[Commitment]:
        return (
            await self.session.scalars(
                select(Commitment)
                .where(any_of(Commitment.activity_id, activity_ids))
                .order_by(Commitment.partner_iso, Commitment.kind, Commitment.year, Commitment.item_id)
            )
        ).all()
