"""Every SQL statement about programmes and what they hold, and programmes' copies of menu activities and
attendance. Lists are keyset-paged; loaders fetch many keys in one statement."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, func, select
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from programmes.partners.access import sees_partner
from programmes.programmes.access import READ_PROGRAMMES
from programmes.programmes.models import (
    Assessment,
    Attendance,
    KnownActivity,
    Objective,
    OccEvaluation,
    PartnershipGoal,
    PlannedActivity,
    PlannedActivityTransition,
    Programme,
    ProgrammeTransition,
)
from programmes.programmes.rules import (
    EDITABLE_PROGRAMME,
    PLANNABLE_PROGRAMME,
    SUPERSEDABLE,
    ActivityFacts,
    PlannedActivityStatus,
    ProgrammeStatus,
    ProgrammeType,
    WpsSummary,
)
from shared.auth import Actor
from shared.db import any_of
from shared.graphql.loaders import many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, Ordering, SortKey, keyset
from shared.readmodel import AttendanceReadModel, Standing, upsert_if_newer
from shared.repository import PartnerScopedRepository, lateral_pages
from shared.wps import SERVES_WPS


@dataclass
class ProgrammeCriteria:
    partner_iso: str | None = None
    types: list[ProgrammeType] | None = None
    statuses: list[ProgrammeStatus] | None = None
    period_from: date | None = None  # programmes whose period overlaps [from, to]
    period_to: date | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.partner_iso:
            where.append(Programme.partner_iso == self.partner_iso)
        if self.types:
            where.append(Programme.type.in_(self.types))
        if self.statuses:
            where.append(Programme.status.in_(self.statuses))
        if self.period_from:
            where.append(Programme.period_end >= self.period_from)
        if self.period_to:
            where.append(Programme.period_start <= self.period_to)
        return where


class ProgrammeOrder(str, Enum):
    PERIOD_START = "PERIOD_START"
    UPDATED_AT = "UPDATED_AT"


PROGRAMME_SORT: dict[ProgrammeOrder, SortKey[Programme]] = {
    ProgrammeOrder.PERIOD_START: SortKey(
        Programme.period_start, lambda p: p.period_start.isoformat(), date.fromisoformat
    ),
    ProgrammeOrder.UPDATED_AT: SortKey(
        Programme.updated_at, lambda p: p.updated_at.isoformat(), datetime.fromisoformat
    ),
}


ProgrammeOrdering = Ordering[Programme]
NEWEST_FIRST = Ordering(ProgrammeOrder.PERIOD_START, Direction.DESC, PROGRAMME_SORT)


@dataclass
class ProgrammeContents:
    """A programme's children, loaded together so its event carries the whole aggregate."""

    objectives: list[Objective] = field(default_factory=list)
    planned_activities: list[PlannedActivity] = field(default_factory=list)
    goals: list[PartnershipGoal] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    occ_evaluations: list[OccEvaluation] = field(default_factory=list)


class ProgrammeRepository(PartnerScopedRepository[Programme]):
    model = Programme
    read_rule = READ_PROGRAMMES

    async def as_changed(self, programme_id: uuid.UUID) -> Programme | None:
        """The programme as this session holds it after a change made through it (no second read)."""
        return await self.session.get(Programme, programme_id)

    async def delete(self, row: Any) -> None:
        """A row of the aggregate's inside, removed (the counterpart of `add` for what a use case takes out)."""
        await self.session.delete(row)

    async def next_revision(self, iso: str, programme_type: ProgrammeType) -> int:
        latest = await self.session.scalar(
            select(func.max(Programme.revision)).where(Programme.partner_iso == iso, Programme.type == programme_type)
        )
        return (latest or 0) + 1

    async def in_preparation(self, iso: str, programme_type: ProgrammeType) -> Programme | None:
        """The edition of this tool the partner prepares, if any (a unique index settles a race)."""
        return (
            await self.session.scalars(
                select(Programme)
                .where(
                    Programme.partner_iso == iso,
                    Programme.type == programme_type,
                    Programme.status.in_(EDITABLE_PROGRAMME),
                )
                .limit(1)
            )
        ).first()

    async def approved_earlier(self, programme: Programme) -> Sequence[Programme]:
        return (
            await self.session.scalars(
                select(Programme)
                .where(
                    Programme.partner_iso == programme.partner_iso,
                    Programme.type == programme.type,
                    Programme.revision < programme.revision,
                    Programme.status.in_([ProgrammeStatus.APPROVED, ProgrammeStatus.IMPLEMENTING]),
                )
                .with_for_update()
            )
        ).all()

    async def page(self, where: ProgrammeCriteria, order: ProgrammeOrdering, page: PageRequest) -> Sequence[Programme]:
        statement = keyset(
            select(Programme).where(*where.conditions(), *self._scope()),
            order.sort,
            Programme.id,
            order.direction,
            page,
        )
        return (await self.session.scalars(statement)).all()

    async def count(self, where: ProgrammeCriteria) -> int:
        statement = select(func.count()).select_from(Programme).where(*where.conditions(), *self._scope())
        return int(await self.session.scalar(statement) or 0)

    async def pages_of_partners(self, isos: list[str], page: PageRequest) -> list[list[Programme]]:
        scope = self._scope()

        def per_partner(key: list[Any]) -> Select[Any]:
            return keyset(
                select(Programme).where(Programme.partner_iso == key[0], *scope),
                NEWEST_FIRST.sort,
                Programme.id,
                NEWEST_FIRST.direction,
                page,
            )

        return await lateral_pages(self.session, Programme, [(iso,) for iso in isos], [Text], per_partner)

    async def counts_of_partners(self, isos: list[str]) -> list[int]:
        found = dict(
            (
                await self.session.execute(
                    select(Programme.partner_iso, func.count())
                    .where(any_of(Programme.partner_iso, isos), *self._scope())
                    .group_by(Programme.partner_iso)
                )
            ).all()
        )
        return [found.get(iso, 0) for iso in isos]

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[ProgrammeTransition]:
        return (
            await self.session.scalars(
                select(ProgrammeTransition)
                .where(any_of(ProgrammeTransition.programme_id, ids))
                .order_by(ProgrammeTransition.at)
            )
        ).all()

    async def objectives_of(self, ids: Sequence[uuid.UUID]) -> Sequence[Objective]:
        return (
            await self.session.scalars(
                select(Objective)
                .where(any_of(Objective.programme_id, ids))
                .order_by(Objective.created_at, Objective.id)
            )
        ).all()

    async def planned_of(self, ids: Sequence[uuid.UUID]) -> Sequence[PlannedActivity]:
        return (
            await self.session.scalars(
                select(PlannedActivity)
                .where(any_of(PlannedActivity.programme_id, ids))
                .order_by(PlannedActivity.year, PlannedActivity.created_at)
            )
        ).all()

    async def goals_of(self, ids: Sequence[uuid.UUID]) -> Sequence[PartnershipGoal]:
        return (
            await self.session.scalars(
                select(PartnershipGoal).where(any_of(PartnershipGoal.programme_id, ids)).order_by(PartnershipGoal.code)
            )
        ).all()

    async def assessments_of(self, goal_ids: Sequence[uuid.UUID]) -> Sequence[Assessment]:
        return (
            await self.session.scalars(
                select(Assessment).where(any_of(Assessment.goal_id, goal_ids)).order_by(Assessment.cycle)
            )
        ).all()

    async def occ_of(self, ids: Sequence[uuid.UUID]) -> Sequence[OccEvaluation]:
        return (
            await self.session.scalars(
                select(OccEvaluation)
                .where(any_of(OccEvaluation.programme_id, ids))
                .order_by(OccEvaluation.evaluated_on)
            )
        ).all()

    async def contents(self, programme: Programme) -> ProgrammeContents:
        ids = [programme.id]
        contents = ProgrammeContents(
            objectives=list(await self.objectives_of(ids)), planned_activities=list(await self.planned_of(ids))
        )
        # Only a PARP has goals and only an OCC programme evaluations: no need to ask otherwise.
        if programme.type is ProgrammeType.PARP:
            contents.goals = list(await self.goals_of(ids))
            if contents.goals:
                contents.assessments = list(await self.assessments_of([g.id for g in contents.goals]))
        if programme.type is ProgrammeType.OCC:
            contents.occ_evaluations = list(await self.occ_of(ids))
        return contents

    async def plans(self, programme_id: uuid.UUID, activity_id: uuid.UUID, year: int) -> bool:
        found = await self.session.scalar(
            select(PlannedActivity.id).where(
                PlannedActivity.programme_id == programme_id,
                PlannedActivity.activity_id == activity_id,
                PlannedActivity.year == year,
            )
        )
        return found is not None

    async def has_objective(self, programme_id: uuid.UUID, objective_id: uuid.UUID) -> bool:
        found = await self.session.scalar(
            select(Objective.id).where(Objective.programme_id == programme_id, Objective.id == objective_id)
        )
        return found is not None

    async def pages_planning(self, activity_ids: list[uuid.UUID], page: PageRequest) -> list[list[Programme]]:
        """Each activity's page of the programmes that plan it, newest first, in one statement."""
        scope = self._scope()

        def per_activity(key: list[Any]) -> Select[Any]:
            return keyset(
                select(Programme).where(_plans(key[0]), *scope),
                NEWEST_FIRST.sort,
                Programme.id,
                NEWEST_FIRST.direction,
                page,
            )

        return await lateral_pages(
            self.session, Programme, [(a,) for a in activity_ids], [UUID(as_uuid=True)], per_activity
        )

    async def counts_planning(self, activity_ids: list[uuid.UUID]) -> list[int]:
        found = dict(
            (
                await self.session.execute(
                    select(PlannedActivity.activity_id, func.count(func.distinct(PlannedActivity.programme_id)))
                    .join(Programme, Programme.id == PlannedActivity.programme_id)
                    .where(any_of(PlannedActivity.activity_id, activity_ids), *self._scope())
                    .group_by(PlannedActivity.activity_id)
                )
            ).all()
        )
        return [found.get(a, 0) for a in activity_ids]

    async def open_plans_of_activity(self, activity_id: uuid.UUID) -> Sequence[PlannedActivity]:
        return (
            await self.session.scalars(
                select(PlannedActivity)
                .where(
                    PlannedActivity.activity_id == activity_id,
                    PlannedActivity.status.in_([PlannedActivityStatus.PLANNED, PlannedActivityStatus.CONFIRMED]),
                )
                .order_by(PlannedActivity.programme_id)
                .with_for_update()
            )
        ).all()

    async def open_plans_of_partner(
        self, partner_iso: str, activity_id: uuid.UUID, year: int
    ) -> Sequence[PlannedActivity]:
        """The partner's lines for this activity and year still to be done, in programmes still alive (a
        completed, withdrawn or superseded programme is a record and stays as it was)."""
        return (
            await self.session.scalars(
                select(PlannedActivity)
                .join(Programme, Programme.id == PlannedActivity.programme_id)
                .where(
                    Programme.partner_iso == partner_iso,
                    any_of(Programme.status, tuple(PLANNABLE_PROGRAMME)),
                    PlannedActivity.activity_id == activity_id,
                    PlannedActivity.year == year,
                    PlannedActivity.status.in_([PlannedActivityStatus.PLANNED, PlannedActivityStatus.CONFIRMED]),
                )
                .order_by(PlannedActivity.programme_id, PlannedActivity.id)
                .with_for_update(of=PlannedActivity)
            )
        ).all()

    async def lock_plans_of(self, partner_iso: str, activity_id: uuid.UUID) -> None:
        """Serialise planning an activity for a partner with applying its attendance: whichever commits
        second sees the other's row (a plan made while attendance arrives would otherwise miss it)."""
        await self.session.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"{partner_iso}:{activity_id}"))))

    async def planned_transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[PlannedActivityTransition]:
        return (
            await self.session.scalars(
                select(PlannedActivityTransition)
                .where(any_of(PlannedActivityTransition.planned_activity_id, ids))
                .order_by(PlannedActivityTransition.at, PlannedActivityTransition.id)
            )
        ).all()

    async def wps_summaries(self, isos: Sequence[str]) -> list[WpsSummary | None]:
        """Each partner's WPS summary over its programmes in force: two grouped statements for every partner the
        caller reads the programmes of; None for another partner (a partner's account reads its own only)."""
        seen = [iso for iso in isos if self._sees(iso)]
        found = dict(zip(seen, await self._wps_summaries(seen), strict=True)) if seen else {}
        return [found.get(iso) for iso in isos]

    async def _wps_summaries(self, isos: Sequence[str]) -> list[WpsSummary]:
        in_force = [any_of(Programme.partner_iso, isos), Programme.status.in_(SUPERSEDABLE)]
        objectives = (
            await self.session.execute(
                select(Programme.partner_iso, Objective.wps_marker, func.count())
                .select_from(Objective)
                .join(Programme, Programme.id == Objective.programme_id)
                .where(*in_force)
                .group_by(Programme.partner_iso, Objective.wps_marker)
            )
        ).all()
        serving = KnownActivity.wps_marker.in_([m.value for m in SERVES_WPS])
        planned = (
            await self.session.execute(
                select(Programme.partner_iso, func.count(), func.count().filter(serving))
                .select_from(PlannedActivity)
                .join(Programme, Programme.id == PlannedActivity.programme_id)
                .outerjoin(KnownActivity, KnownActivity.id == PlannedActivity.activity_id)
                .where(*in_force)
                .group_by(Programme.partner_iso)
            )
        ).all()
        counts: dict[str, dict[str, int]] = {iso: {} for iso in isos}
        for iso, marker, n in objectives:
            counts[iso][marker.value] = n
        plans = {iso: (total, served) for iso, total, served in planned}
        return [
            WpsSummary(
                objectives_principal=counts[iso].get("PRINCIPAL", 0),
                objectives_significant=counts[iso].get("SIGNIFICANT", 0),
                objectives_total=sum(counts[iso].values()),
                planned_activities_serving=plans.get(iso, (0, 0))[1],
                planned_activities_total=plans.get(iso, (0, 0))[0],
            )
            for iso in isos
        ]

    def _sees(self, iso: str) -> bool:
        """Whether the caller reads this partner's programmes (FORBIDDEN when it may read none)."""
        if self.caller is None:
            return True
        self.read_rule.require(self.caller)
        return sees_partner(self.caller, iso)


def _plans(activity_id: Any) -> ColumnElement[bool]:
    # Correlated to both the programme and the key of the enclosing LATERAL page.
    return (
        select(PlannedActivity.id)
        .where(PlannedActivity.programme_id == Programme.id, PlannedActivity.activity_id == activity_id)
        .correlate_except(PlannedActivity)
        .exists()
    )


def attendance(session: AsyncSession) -> AttendanceReadModel:
    """programmes' copy of who attended menu occurrences (from menu.nomination.v1)."""
    return AttendanceReadModel(session, Attendance)


class ActivityReadModel:
    """programmes' own copy of the menu's activities."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def facts(self, activity_id: uuid.UUID) -> ActivityFacts | None:
        row = await self.session.get(KnownActivity, activity_id)
        if row is None:
            return None
        return ActivityFacts(
            str(row.id), row.pcm_ref, row.status, tuple(row.frameworks), tuple(row.eligible_partners), row.version
        )

    async def apply(self, state: dict[str, Any], standing: Standing) -> bool:
        """Upsert an activity's state; an older version never overwrites a newer one. True if applied."""
        values = {
            "id": uuid.UUID(state["id"]),
            "pcm_ref": state["pcmRef"],
            "title": state["title"],
            "status": state["status"],
            "frameworks": state["frameworks"],
            "eligible_partners": state["eligiblePartners"],
            "wps_marker": state.get("wpsMarker", "NOT_TARGETED"),
            "version": state["version"],
        }
        return await upsert_if_newer(self.session, KnownActivity, "id", values, standing)

    async def published(self, limit: int = 5000) -> Sequence[KnownActivity]:
        return (
            await self.session.scalars(
                select(KnownActivity)
                .where(KnownActivity.status == "PUBLISHED")
                .order_by(KnownActivity.pcm_ref)
                .limit(limit)
            )
        ).all()

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(KnownActivity)) or 0)


class ProgrammesLoaders:
    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        programmes = ProgrammeRepository(session, caller)  # every read below is scoped to the caller
        self.programme_by_id = one_per_key(programmes.get_many, lambda p: p.id)
        self.transitions = many_per_key(programmes.transitions_of, lambda t: t.programme_id)
        self.planned_transitions = many_per_key(programmes.planned_transitions_of, lambda t: t.planned_activity_id)
        self.objectives = many_per_key(programmes.objectives_of, lambda o: o.programme_id)
        self.planned_activities = many_per_key(programmes.planned_of, lambda p: p.programme_id)
        self.goals = many_per_key(programmes.goals_of, lambda g: g.programme_id)
        self.assessments = many_per_key(programmes.assessments_of, lambda a: a.goal_id)
        self.occ_evaluations = many_per_key(programmes.occ_of, lambda e: e.programme_id)
        self.programmes_of_partner = pages_per_key(programmes.pages_of_partners)
        self.programme_count_of_partner = DataLoader(load_fn=programmes.counts_of_partners)
        self.planned_by = pages_per_key(programmes.pages_planning)
        self.planned_by_count = DataLoader(load_fn=programmes.counts_planning)
        self.wps_summary = DataLoader(load_fn=programmes.wps_summaries)
