"""Every SQL statement about SPS applications, scoped to the caller (a partner: its own country's)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from capacity.sps.access import READ_SPS
from capacity.sps.models import SpsApplication, SpsReport, SpsTransition
from capacity.sps.rules import KeyPriority, SpsStatus
from shared.auth import Actor
from shared.db import any_of
from shared.graphql.loaders import PagedKey, many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, counts_by_owner, pages_by_owner


@dataclass(frozen=True)
class SpsCriteria:
    statuses: tuple[SpsStatus, ...] = ()
    key_priorities: tuple[KeyPriority, ...] = ()
    partner_country: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.statuses:
            where.append(any_of(SpsApplication.status, self.statuses))
        if self.key_priorities:
            where.append(any_of(SpsApplication.key_priority, self.key_priorities))
        if self.partner_country:
            where.append(SpsApplication.partner_country == self.partner_country)
        return where


SPS_SORT: SortKey[SpsApplication] = SortKey(
    SpsApplication.created_at, lambda a: a.created_at.isoformat(), datetime.fromisoformat
)


class SpsRepository(Repository[SpsApplication]):
    """Given the caller, every read of applications is scoped to what it may see (a partner: its own country's);
    without one (use cases, consumers, snapshots), nothing is filtered."""

    model = SpsApplication

    def _scope(self) -> list[ColumnElement[bool]]:
        if self.caller is None:
            return []
        READ_SPS.require(self.caller)
        own = self.caller.partner_only
        return [SpsApplication.partner_country == own] if own else []

    async def get_many(self, keys: Sequence[uuid.UUID]) -> Sequence[SpsApplication]:
        return (
            await self.session.scalars(select(SpsApplication).where(any_of(SpsApplication.id, keys), *self._scope()))
        ).all()

    async def page(self, where: SpsCriteria, page: PageRequest) -> Sequence[SpsApplication]:
        scope = self._scope()
        return (
            await self.session.scalars(
                keyset(
                    select(SpsApplication).where(*where.conditions(), *scope),
                    SPS_SORT,
                    SpsApplication.id,
                    Direction.DESC,
                    page,
                )
            )
        ).all()

    async def count(self, where: SpsCriteria) -> int:
        scope = self._scope()
        return int(
            await self.session.scalar(
                select(func.count()).select_from(SpsApplication).where(*where.conditions(), *scope)
            )
            or 0
        )

    async def pages_of_partners(self, isos: list[str], page: PageRequest) -> list[list[SpsApplication]]:
        return await pages_by_owner(
            self.session, SpsApplication.partner_country, isos, self._scope(), SPS_SORT, Direction.DESC, page
        )

    async def counts_of_partners(self, isos: list[str]) -> list[int]:
        return await counts_by_owner(self.session, SpsApplication.partner_country, isos, self._scope())

    async def reports_of(self, ids: Sequence[uuid.UUID]) -> Sequence[SpsReport]:
        return (
            await self.session.scalars(
                select(SpsReport).where(any_of(SpsReport.application_id, ids)).order_by(SpsReport.period)
            )
        ).all()

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[SpsTransition]:
        return (
            await self.session.scalars(
                select(SpsTransition).where(any_of(SpsTransition.application_id, ids)).order_by(SpsTransition.at)
            )
        ).all()


class SpsLoaders:
    """One caller's loaders of SPS applications and their insides; every read of applications is scoped to the
    caller."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        applications = SpsRepository(session, caller)
        self.sps_by_id = one_per_key(applications.get_many, lambda a: a.id)
        self.sps_reports = many_per_key(applications.reports_of, lambda r: r.application_id)
        self.sps_transitions = many_per_key(applications.transitions_of, lambda t: t.application_id)
        self.sps_of_partner: DataLoader[PagedKey[str], list[SpsApplication]] = pages_per_key(
            applications.pages_of_partners
        )
        self.sps_count_of_partner = DataLoader(load_fn=applications.counts_of_partners)
