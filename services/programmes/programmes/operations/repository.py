"""Every SQL statement about partners' contributions to operations, the reads scoped to the caller, and the
contributions' loaders of a request."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from programmes.operations.access import READ_CONTRIBUTIONS
from programmes.operations.models import OperationalContribution, OperationalContributionTransition
from programmes.operations.rules import ContributionKind, ContributionStatus, Operation
from shared.auth import Actor
from shared.db import any_of
from shared.graphql.loaders import many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import PartnerScopedRepository, lateral_pages


@dataclass(frozen=True)
class ContributionCriteria:
    partner_iso: str | None = None
    operations: tuple[Operation, ...] = ()
    kinds: tuple[ContributionKind, ...] = ()
    statuses: tuple[ContributionStatus, ...] = ()

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.partner_iso:
            where.append(OperationalContribution.partner_iso == self.partner_iso)
        if self.operations:
            where.append(any_of(OperationalContribution.operation, self.operations))
        if self.kinds:
            where.append(any_of(OperationalContribution.kind, self.kinds))
        if self.statuses:
            where.append(any_of(OperationalContribution.status, self.statuses))
        return where


# Latest first: a partner's most recent contributions lead.
CONTRIBUTION_SORT: SortKey[OperationalContribution] = SortKey(
    OperationalContribution.period_start, lambda c: c.period_start.isoformat(), date.fromisoformat
)


class ContributionRepository(PartnerScopedRepository[OperationalContribution]):
    model = OperationalContribution
    read_rule = READ_CONTRIBUTIONS

    async def page(self, where: ContributionCriteria, page: PageRequest) -> Sequence[OperationalContribution]:
        return (
            await self.session.scalars(
                keyset(
                    select(OperationalContribution).where(*where.conditions(), *self._scope()),
                    CONTRIBUTION_SORT,
                    OperationalContribution.id,
                    Direction.DESC,
                    page,
                )
            )
        ).all()

    async def count(self, where: ContributionCriteria) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(OperationalContribution).where(*where.conditions(), *self._scope())
            )
            or 0
        )

    async def pages_of_partners(self, isos: list[str], page: PageRequest) -> list[list[OperationalContribution]]:
        scope = self._scope()

        def per_partner(key: list[Any]) -> Select[Any]:
            return keyset(
                select(OperationalContribution).where(OperationalContribution.partner_iso == key[0], *scope),
                CONTRIBUTION_SORT,
                OperationalContribution.id,
                Direction.DESC,
                page,
            )

        return await lateral_pages(self.session, OperationalContribution, [(i,) for i in isos], [Text], per_partner)

    async def counts_of_partners(self, isos: list[str]) -> list[int]:
        found = dict(
            (
                await self.session.execute(
                    select(OperationalContribution.partner_iso, func.count())
                    .where(any_of(OperationalContribution.partner_iso, isos), *self._scope())
                    .group_by(OperationalContribution.partner_iso)
                )
            ).all()
        )
        return [found.get(iso, 0) for iso in isos]

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[OperationalContributionTransition]:
        return (
            await self.session.scalars(
                select(OperationalContributionTransition)
                .where(any_of(OperationalContributionTransition.contribution_id, ids))
                .order_by(OperationalContributionTransition.at)
            )
        ).all()


class OperationsLoaders:
    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        contributions = ContributionRepository(session, caller)  # every read below is scoped to the caller
        self.contribution_by_id = one_per_key(contributions.get_many, lambda c: c.id)
        self.contribution_transitions = many_per_key(contributions.transitions_of, lambda t: t.contribution_id)
        self.contributions_of_partner = pages_per_key(contributions.pages_of_partners)
        self.contribution_count_of_partner = DataLoader(load_fn=contributions.counts_of_partners)
