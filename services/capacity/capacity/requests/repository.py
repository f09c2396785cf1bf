"""Every SQL statement about requests for support and their packages, and capacity's copies of the menu's
activities and attendance. Lists are keyset-paged; loaders fetch many keys in one statement."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, bindparam, delete, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from capacity.partners.repository import known_partners
from capacity.requests.access import READ_REQUESTS
from capacity.requests.models import (
    Attendance,
    CapacityRequest,
    Contribution,
    KnownActivity,
    Measure,
    Package,
    ProgressReport,
    RequestAssessment,
    RequestTransition,
)
from capacity.requests.rules import GONE_FROM_MENU, OPEN_REQUEST, ActivityStanding, RequestStatus, SupportArea
from shared.auth import Actor
from shared.db import any_of
from shared.errors import BadUserInput
from shared.graphql.loaders import many_per_key, many_per_key_pairs, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, Ordering, SortKey, keyset
from shared.readmodel import AttendanceReadModel, Attended, Standing, upsert_if_newer
from shared.repository import PartnerScopedRepository, lateral_pages


@dataclass
class RequestCriteria:
    partner_iso: str | None = None
    statuses: list[RequestStatus] | None = None
    areas: list[SupportArea] | None = None
    on_hold: bool | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.partner_iso:
            where.append(CapacityRequest.partner_iso == self.partner_iso)
        if self.statuses:
            where.append(CapacityRequest.status.in_(self.statuses))
        if self.areas:
            where.append(
                CapacityRequest.areas.overlap(bindparam(None, [a.value for a in self.areas], type_=ARRAY(Text)))
            )
        if self.on_hold is not None:
            where.append(CapacityRequest.on_hold.is_(self.on_hold))
        return where


class RequestOrder(str, Enum):
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"


REQUEST_SORT: dict[RequestOrder, SortKey[CapacityRequest]] = {
    RequestOrder.CREATED_AT: SortKey(
        CapacityRequest.created_at, lambda r: r.created_at.isoformat(), datetime.fromisoformat
    ),
    RequestOrder.UPDATED_AT: SortKey(
        CapacityRequest.updated_at, lambda r: r.updated_at.isoformat(), datetime.fromisoformat
    ),
}


RequestOrdering = Ordering[CapacityRequest]
OLDEST_FIRST = Ordering(RequestOrder.CREATED_AT, Direction.ASC, REQUEST_SORT)


@dataclass
class RequestContents:
    """A request's inside, as a change or a snapshot publishes it whole (events.request_event)."""

    assessments: list[RequestAssessment] = field(default_factory=list)
    package: Package | None = None
    measures: list[Measure] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    reports: list[ProgressReport] = field(default_factory=list)


class RequestRepository(PartnerScopedRepository[CapacityRequest]):
    model = CapacityRequest
    read_rule = READ_REQUESTS

    async def as_changed(self, request_id: uuid.UUID) -> CapacityRequest | None:
        """The request as this session holds it after a change made through it (no second read)."""
        return await self.session.get(CapacityRequest, request_id)

    async def as_changed_through(self, child: Measure | Contribution | ProgressReport) -> CapacityRequest | None:
        """The request as this session holds it after a change to one of its package's children, reached through
        the child's parents, which the change loaded into the session too (no second read)."""
        if isinstance(child, Contribution):
            child = await self.session.get_one(Measure, child.measure_id)
        package = await self.session.get_one(Package, child.package_id)
        return await self.as_changed(package.request_id)

    async def delete(self, row: Any) -> None:
        """A row of the aggregate's inside, removed (the counterpart of `add` for what a use case takes out)."""
        await self.session.delete(row)

    async def pages_of_partners(self, isos: list[str], page: PageRequest) -> list[list[CapacityRequest]]:
        """Each partner's page of requests, oldest first, in one statement."""
        scope = self._scope()

        def per_partner(key: list[Any]) -> Select[Any]:
            return keyset(
                select(CapacityRequest).where(CapacityRequest.partner_iso == key[0], *scope),
                OLDEST_FIRST.sort,
                CapacityRequest.id,
                OLDEST_FIRST.direction,
                page,
            )

        return await lateral_pages(self.session, CapacityRequest, [(iso,) for iso in isos], [Text], per_partner)

    async def counts_of_partners(self, isos: list[str]) -> list[int]:
        found = dict(
            (
                await self.session.execute(
                    select(CapacityRequest.partner_iso, func.count())
                    .where(any_of(CapacityRequest.partner_iso, isos), *self._scope())
                    .group_by(CapacityRequest.partner_iso)
                )
            ).all()
        )
        return [found.get(iso, 0) for iso in isos]

    async def open_of_partner(self, iso: str) -> Sequence[CapacityRequest]:
        return (
            await self.session.scalars(
                select(CapacityRequest)
                .where(CapacityRequest.partner_iso == iso, CapacityRequest.status.in_(OPEN_REQUEST))
                .order_by(CapacityRequest.created_at)
                .with_for_update()
            )
        ).all()

    async def page(
        self, where: RequestCriteria, order: RequestOrdering, page: PageRequest
    ) -> Sequence[CapacityRequest]:
        scope = self._scope()  # first: a caller refused learns nothing, not even which partners capacity knows
        if where.partner_iso and await known_partners(self.session).standing(where.partner_iso) is None:
            raise BadUserInput(f"capacity knows of no partner {where.partner_iso!r}", field="filter.partnerIso")
        statement = keyset(
            select(CapacityRequest).where(*where.conditions(), *scope),
            order.sort,
            CapacityRequest.id,
            order.direction,
            page,
        )
        return (await self.session.scalars(statement)).all()

    async def count(self, where: RequestCriteria) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(CapacityRequest).where(*where.conditions(), *self._scope())
            )
            or 0
        )

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[RequestTransition]:
        return (
            await self.session.scalars(
                select(RequestTransition)
                .where(any_of(RequestTransition.request_id, ids))
                .order_by(RequestTransition.at)
            )
        ).all()

    async def assessments_of(self, ids: Sequence[uuid.UUID]) -> Sequence[RequestAssessment]:
        return (
            await self.session.scalars(
                select(RequestAssessment)
                .where(any_of(RequestAssessment.request_id, ids))
                .order_by(RequestAssessment.created_at)
            )
        ).all()

    async def packages_of(self, ids: Sequence[uuid.UUID]) -> Sequence[Package]:
        return (await self.session.scalars(select(Package).where(any_of(Package.request_id, ids)))).all()

    async def measures_of(self, package_ids: Sequence[uuid.UUID]) -> Sequence[Measure]:
        return (
            await self.session.scalars(
                select(Measure).where(any_of(Measure.package_id, package_ids)).order_by(Measure.created_at, Measure.id)
            )
        ).all()

    async def contributions_of(self, measure_ids: Sequence[uuid.UUID]) -> Sequence[Contribution]:
        return (
            await self.session.scalars(
                select(Contribution)
                .where(any_of(Contribution.measure_id, measure_ids))
                .order_by(Contribution.created_at, Contribution.id)
            )
        ).all()

    async def contributions_of_packages(
        self,
        package_ids: Sequence[uuid.UUID],
    ) -> Sequence[tuple[uuid.UUID, Contribution]]:
        rows = await self.session.execute(
            select(Measure.package_id, Contribution)
            .join(Measure, Measure.id == Contribution.measure_id)
            .where(any_of(Measure.package_id, package_ids))
        )
        return [(package_id, contribution) for package_id, contribution in rows.all()]

    async def reports_of(self, package_ids: Sequence[uuid.UUID]) -> Sequence[ProgressReport]:
        return (
            await self.session.scalars(
                select(ProgressReport)
                .where(any_of(ProgressReport.package_id, package_ids))
                .order_by(ProgressReport.period)
            )
        ).all()

    async def measures_supporting(self, activity_ids: Sequence[uuid.UUID]) -> Sequence[Measure]:
        return (
            await self.session.scalars(
                select(Measure)
                .join(Package, Package.id == Measure.package_id)
                .join(CapacityRequest, CapacityRequest.id == Package.request_id)
                .where(
                    Measure.activity_ids.overlap(
                        bindparam(None, list(activity_ids), type_=ARRAY(PG_UUID(as_uuid=True)))
                    ),
                    *self._scope(),
                )
                .order_by(Measure.created_at)
            )
        ).all()

    async def open_measures_linking(self, activity_id: uuid.UUID) -> Sequence[Measure]:
        """Measures of requests still open that link the activity, locked for a change."""
        return (
            await self.session.scalars(
                select(Measure)
                .join(Package, Package.id == Measure.package_id)
                .join(CapacityRequest, CapacityRequest.id == Package.request_id)
                .where(
                    Measure.activity_ids.contains(bindparam(None, [activity_id], type_=ARRAY(PG_UUID(as_uuid=True)))),
                    CapacityRequest.status.in_(OPEN_REQUEST),
                )
                .order_by(Measure.id)
                .with_for_update(of=Measure)
            )
        ).all()

    async def attendance_of_measures(self, measure_ids: Sequence[uuid.UUID]) -> list[list[Attended]]:
        """For each measure, its request's partner's attendance at the menu activities it links."""
        rows = (
            await self.session.execute(
                select(Measure.id, CapacityRequest.partner_iso, Measure.activity_ids)
                .join(Package, Package.id == Measure.package_id)
                .join(CapacityRequest, CapacityRequest.id == Package.request_id)
                .where(any_of(Measure.id, measure_ids))
            )
        ).all()
        linked = {measure: (iso, activities) for measure, iso, activities in rows}
        pairs = sorted({(iso, activity) for iso, activities in linked.values() for activity in activities})
        by_pair: dict[tuple[str, uuid.UUID], list[Attended]] = {}
        for attended in await attendance(self.session).of_partners(pairs):
            by_pair.setdefault((attended.partner_iso, attended.activity_id), []).append(attended)
        return [
            [a for activity in linked[m][1] for a in by_pair.get((linked[m][0], activity), [])] if m in linked else []
            for m in measure_ids
        ]

    async def request_of_measure(self, measure: Measure) -> CapacityRequest:
        found = (
            await self.session.scalars(
                select(CapacityRequest)
                .join(Package, Package.request_id == CapacityRequest.id)
                .where(Package.id == measure.package_id)
                .with_for_update(of=CapacityRequest)
            )
        ).one()
        return found

    async def delete_measure(self, measure: Measure) -> None:
        await self.session.execute(delete(Contribution).where(Contribution.measure_id == measure.id))
        await self.session.delete(measure)

    async def contents(self, request: CapacityRequest) -> RequestContents:
        ids = [request.id]
        contents = RequestContents(assessments=list(await self.assessments_of(ids)))
        packages = await self.packages_of(ids)
        if packages:
            contents.package = packages[0]
            contents.measures = list(await self.measures_of([contents.package.id]))
            if contents.measures:
                contents.contributions = list(await self.contributions_of([m.id for m in contents.measures]))
            contents.reports = list(await self.reports_of([contents.package.id]))
        return contents


def attendance(session: AsyncSession) -> AttendanceReadModel:
    """capacity's copy of who attended menu occurrences (from menu.nomination.v1)."""
    return AttendanceReadModel(session, Attendance)


class ActivityReadModel:
    """capacity's copy of the menu's activities (from menu.activity.v1), which measures link."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def standing(self, activity_id: uuid.UUID) -> ActivityStanding | None:
        row = await self.session.get(KnownActivity, activity_id)
        return ActivityStanding(str(row.id), row.pcm_ref, row.status) if row else None

    async def apply(self, state: dict[str, Any], standing: Standing) -> bool:
        values = {
            "id": uuid.UUID(state["id"]),
            "pcm_ref": state["pcmRef"],
            "title": state["title"],
            "status": state["status"],
            "version": state["version"],
        }
        return await upsert_if_newer(self.session, KnownActivity, "id", values, standing)

    async def withdrawn(self, activity_ids: Sequence[uuid.UUID]) -> Sequence[KnownActivity]:
        return (
            await self.session.scalars(
                select(KnownActivity)
                .where(any_of(KnownActivity.id, activity_ids), KnownActivity.status.in_(GONE_FROM_MENU))
                .order_by(KnownActivity.pcm_ref)
            )
        ).all()

    async def published(self) -> Sequence[KnownActivity]:
        return (
            await self.session.scalars(
                select(KnownActivity).where(KnownActivity.status == "PUBLISHED").order_by(KnownActivity.pcm_ref)
            )
        ).all()


class RequestsLoaders:
    """One caller's loaders of requests and their insides; every read of requests is scoped to the caller."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        requests = RequestRepository(session, caller)
        self.request_by_id = one_per_key(requests.get_many, lambda r: r.id)
        self.requests_of_partner = pages_per_key(requests.pages_of_partners)
        self.request_count_of_partner = DataLoader(load_fn=requests.counts_of_partners)
        self.transitions = many_per_key(requests.transitions_of, lambda t: t.request_id)
        self.assessments = many_per_key(requests.assessments_of, lambda a: a.request_id)
        self.package_by_request = one_per_key(requests.packages_of, lambda p: p.request_id)
        self.measures = many_per_key(requests.measures_of, lambda m: m.package_id)
        self.contributions = many_per_key(requests.contributions_of, lambda c: c.measure_id)
        self.reports = many_per_key(requests.reports_of, lambda r: r.package_id)
        self.package_contributions = many_per_key_pairs(requests.contributions_of_packages)
        self.measures_supporting = _measures_supporting(requests)
        self.measure_attendance = DataLoader(load_fn=requests.attendance_of_measures)


def _measures_supporting(requests: RequestRepository) -> DataLoader[uuid.UUID, list[Measure]]:
    async def load(activity_ids: list[uuid.UUID]) -> list[list[Measure]]:
        found = await requests.measures_supporting(activity_ids)
        return [[m for m in found if a in m.activity_ids] for a in activity_ids]

    return DataLoader(load_fn=load)
