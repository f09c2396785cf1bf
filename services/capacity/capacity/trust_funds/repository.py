"""Every SQL statement about Trust Fund projects."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from capacity.trust_funds.access import READ_TRUST_FUNDS
from capacity.trust_funds.models import (
    TrustFundPhase,
    TrustFundPledge,
    TrustFundProject,
    TrustFundReport,
    TrustFundTransition,
)
from capacity.trust_funds.rules import ProjectKind, ProjectStatus, funding_gap
from shared.auth import Actor
from shared.db import any_of
from shared.graphql.loaders import PagedKey, many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, counts_by_owner, pages_by_owner


@dataclass(frozen=True)
class ProjectCriteria:
    statuses: tuple[ProjectStatus, ...] = ()
    kinds: tuple[ProjectKind, ...] = ()
    beneficiary_iso: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.statuses:
            where.append(any_of(TrustFundProject.status, self.statuses))
        if self.kinds:
            where.append(any_of(TrustFundProject.kind, self.kinds))
        if self.beneficiary_iso:
            where.append(TrustFundProject.beneficiary_iso == self.beneficiary_iso)
        return where


PROJECT_SORT: SortKey[TrustFundProject] = SortKey(
    TrustFundProject.created_at, lambda p: p.created_at.isoformat(), datetime.fromisoformat
)


@dataclass
class TrustFundContents:
    """A project's inside, as a change or a snapshot publishes it whole (events.trust_fund_event)."""

    phases: list[TrustFundPhase] = field(default_factory=list)
    money: list[TrustFundPledge] = field(default_factory=list)
    reports: list[TrustFundReport] = field(default_factory=list)

    @property
    def gap(self) -> Decimal:
        return funding_gap((p.budget_eur for p in self.phases), (m.amount_eur for m in self.money if not m.payment))


class TrustFundRepository(Repository[TrustFundProject]):
    """Given the caller, every read is refused unless its rule allows it (what it allows, it shows whole);
    without one (use cases, consumers, snapshots), nothing is checked."""

    model = TrustFundProject

    def _scope(self) -> list[ColumnElement[bool]]:
        if self.caller is not None:
            READ_TRUST_FUNDS.require(self.caller)
        return []

    async def get_many(self, keys: Sequence[uuid.UUID]) -> Sequence[TrustFundProject]:
        return (
            await self.session.scalars(
                select(TrustFundProject).where(any_of(TrustFundProject.id, keys), *self._scope())
            )
        ).all()

    async def page(self, where: ProjectCriteria, page: PageRequest) -> Sequence[TrustFundProject]:
        scope = self._scope()
        return (
            await self.session.scalars(
                keyset(
                    select(TrustFundProject).where(*where.conditions(), *scope),
                    PROJECT_SORT,
                    TrustFundProject.id,
                    Direction.DESC,
                    page,
                )
            )
        ).all()

    async def count(self, where: ProjectCriteria) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(TrustFundProject).where(*where.conditions(), *self._scope())
            )
            or 0
        )

    async def pages_of_beneficiaries(self, isos: list[str], page: PageRequest) -> list[list[TrustFundProject]]:
        return await pages_by_owner(
            self.session, TrustFundProject.beneficiary_iso, isos, self._scope(), PROJECT_SORT, Direction.DESC, page
        )

    async def counts_of_beneficiaries(self, isos: list[str]) -> list[int]:
        return await counts_by_owner(self.session, TrustFundProject.beneficiary_iso, isos, self._scope())

    async def phases_of(self, ids: Sequence[uuid.UUID]) -> Sequence[TrustFundPhase]:
        return (
            await self.session.scalars(
                select(TrustFundPhase)
                .where(any_of(TrustFundPhase.project_id, ids))
                .order_by(TrustFundPhase.created_at, TrustFundPhase.id)
            )
        ).all()

    async def money_of(self, ids: Sequence[uuid.UUID]) -> Sequence[TrustFundPledge]:
        return (
            await self.session.scalars(
                select(TrustFundPledge)
                .where(any_of(TrustFundPledge.project_id, ids))
                .order_by(TrustFundPledge.created_at, TrustFundPledge.id)
            )
        ).all()

    async def reports_of(self, ids: Sequence[uuid.UUID]) -> Sequence[TrustFundReport]:
        return (
            await self.session.scalars(
                select(TrustFundReport).where(any_of(TrustFundReport.project_id, ids)).order_by(TrustFundReport.period)
            )
        ).all()

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[TrustFundTransition]:
        return (
            await self.session.scalars(
                select(TrustFundTransition)
                .where(any_of(TrustFundTransition.project_id, ids))
                .order_by(TrustFundTransition.at)
            )
        ).all()

    async def contents(self, project: TrustFundProject) -> TrustFundContents:
        ids = [project.id]
        return TrustFundContents(
            phases=list(await self.phases_of(ids)),
            money=list(await self.money_of(ids)),
            reports=list(await self.reports_of(ids)),
        )


class TrustFundsLoaders:
    """One caller's loaders of Trust Fund projects and their insides; every read of projects is checked against
    the caller."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        funds = TrustFundRepository(session, caller)
        self.trust_fund_by_id = one_per_key(funds.get_many, lambda p: p.id)
        self.trust_fund_phases = many_per_key(funds.phases_of, lambda p: p.project_id)
        self.trust_fund_money = many_per_key(funds.money_of, lambda m: m.project_id)
        self.trust_fund_reports = many_per_key(funds.reports_of, lambda r: r.project_id)
        self.trust_fund_transitions = many_per_key(funds.transitions_of, lambda t: t.project_id)
        self.trust_funds_of_partner: DataLoader[PagedKey[str], list[TrustFundProject]] = pages_per_key(
            funds.pages_of_beneficiaries
        )
        self.trust_fund_count_of_partner = DataLoader(load_fn=funds.counts_of_beneficiaries)
