"""What menu changes do to partners' commitments (the planImpacts feed): reads only, nothing changes.

The menu keeps, from programmes' and capacity's own topics, which partners plan an activity (for which
year) and which capacity measures link it; with its own nominations, that tells whom a withdrawal, a
cancellation, a move or a change of seats touches, and through what.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from menu.base import Base
from menu.commitments.models import Commitment
from menu.commitments.repository import CommitmentRepository
from menu.commitments.rules import TOLD_FIELDS, CommitmentKind, ImpactKind, impact_of
from menu.participation.models import Nomination
from menu.participation.repository import NominationRepository
from shared.events.history import FieldChange, changes_of_events


@dataclass
class PartnerShare:
    """What one partner has at stake in a change."""

    plans: list[Commitment] = field(default_factory=list)
    measures: list[Commitment] = field(default_factory=list)
    nominations: list[Nomination] = field(default_factory=list)


@dataclass
class Impact:
    """A menu change and every partner it touches, with what it touches of theirs."""

    event_id: str
    kind: ImpactKind
    activity_id: uuid.UUID
    occurrence_id: uuid.UUID | None
    occurrence_year: int | None
    changes: list[FieldChange]
    time: datetime
    partners: dict[str, PartnerShare]


async def impacts_of(session: AsyncSession, event_ids: Sequence[str]) -> list[Impact]:
    """The impacts of these menu events (those that have one), in the order they happened: what each changed
    comes from the aggregates' history; who is touched from the commitments and nominations held."""
    impacts: list[Impact] = []
    for change in await changes_of_events(session, Base.metadata.tables["aggregate_history"], event_ids):
        aggregate = change.type.split(".")[1]
        told = [c for c in change.changes if c.field in TOLD_FIELDS.get(aggregate, ())]
        kind = impact_of(change.type, {c.field for c in told})
        if kind is None:
            continue
        on_occurrence = aggregate == "occurrence"
        activity_id = uuid.UUID(change.state["activityId"] if on_occurrence else change.aggregate_id)
        occurrence_id = uuid.UUID(change.aggregate_id) if on_occurrence else None
        year = date.fromisoformat(change.state["startDate"]).year if on_occurrence else None
        impacts.append(Impact(change.event_id, kind, activity_id, occurrence_id, year, told, change.time, {}))
    if not impacts:
        return []
    commitments = await CommitmentRepository(session).of_activities(list({i.activity_id for i in impacts}))
    by_activity: dict[uuid.UUID, list[Commitment]] = defaultdict(list)
    for commitment in commitments:
        by_activity[commitment.activity_id].append(commitment)
    nominations = NominationRepository(session)
    of_occurrences = await nominations.still_to_happen(
        Nomination.occurrence_id, [i.occurrence_id for i in impacts if i.occurrence_id is not None]
    )
    of_activities = await nominations.still_to_happen(
        Nomination.activity_id, [i.activity_id for i in impacts if i.occurrence_id is None]
    )
    for impact in impacts:
        years = _years(impact)
        for commitment in by_activity[impact.activity_id]:
            if commitment.kind == CommitmentKind.MEASURE.value:
                impact.partners.setdefault(commitment.partner_iso, PartnerShare()).measures.append(commitment)
            elif years is None or commitment.year in years:
                impact.partners.setdefault(commitment.partner_iso, PartnerShare()).plans.append(commitment)
        for nomination in of_occurrences if impact.occurrence_id is not None else of_activities:
            if (
                nomination.occurrence_id == impact.occurrence_id
                if impact.occurrence_id is not None
                else nomination.activity_id == impact.activity_id
            ):
                impact.partners.setdefault(nomination.partner_iso, PartnerShare()).nominations.append(nomination)
    return [impact for impact in impacts if impact.partners]


def _years(impact: Impact) -> set[int] | None:
    """The plan years an occurrence's change touches: its year, and the one it left if it moved; None for an
    activity's change, which touches every year."""
    if impact.occurrence_year is None:
        return None
    years = {impact.occurrence_year}
    for change in impact.changes:
        if change.field == "startDate" and change.before:
            years.add(date.fromisoformat(change.before).year)
    return years
