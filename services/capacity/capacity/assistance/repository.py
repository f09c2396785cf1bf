"""Every SQL statement about requests for disaster assistance."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from capacity.assistance.access import READ_ASSISTANCE
from capacity.assistance.models import (
    AssistanceNeed,
    AssistanceOffer,
    AssistanceRequest,
    AssistanceTransition,
    SituationReport,
)
from capacity.assistance.rules import AssistanceStatus, DisasterType
from shared.auth import Actor
from shared.db import any_of
from shared.graphql.loaders import PagedKey, many_per_key, one_per_key, pages_per_key
from shared.graphql.pagination import PageRequest
from shared.ordering import Direction, SortKey, keyset
from shared.repository import Repository, counts_by_owner, pages_by_owner


@dataclass(frozen=True)
class AssistanceCriteria:
    statuses: tuple[AssistanceStatus, ...] = ()
    disaster_types: tuple[DisasterType, ...] = ()
    stricken_country: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.statuses:
            where.append(any_of(AssistanceRequest.status, self.statuses))
        if self.disaster_types:
            where.append(any_of(AssistanceRequest.disaster_type, self.disaster_types))
        if self.stricken_country:
            where.append(AssistanceRequest.stricken_country == self.stricken_country)
        return where


# The newest emergency first.
ASSISTANCE_SORT: SortKey[AssistanceRequest] = SortKey(
    AssistanceRequest.created_at, lambda r: r.created_at.isoformat(), datetime.fromisoformat
)


@dataclass
class AssistanceContents:
    """A request for assistance's inside, as a change or a snapshot publishes it whole (events.assistance_event)."""

    needs: list[AssistanceNeed] = field(default_factory=list)
    offers: list[AssistanceOffer] = field(default_factory=list)
    reports: list[SituationReport] = field(default_factory=list)


class AssistanceRepository(Repository[AssistanceRequest]):
    """Given the caller, every read is refused unless its rule allows it (what it allows, it shows whole);
    without one (use cases, consumers, snapshots), nothing is checked."""

    model = AssistanceRequest

    def _scope(self) -> list[ColumnElement[bool]]:
        if self.caller is not None:
            READ_ASSISTANCE.require(self.caller)
        return []

    async def get_many(self, keys: Sequence[uuid.UUID]) -> Sequence[AssistanceRequest]:
        return (
            await self.session.scalars(
                select(AssistanceRequest).where(any_of(AssistanceRequest.id, keys), *self._scope())
            )
        ).all()

    async def page(self, where: AssistanceCriteria, page: PageRequest) -> Sequence[AssistanceRequest]:
        scope = self._scope()
        return (
            await self.session.scalars(
                keyset(
                    select(AssistanceRequest).where(*where.conditions(), *scope),
                    ASSISTANCE_SORT,
                    AssistanceRequest.id,
                    Direction.DESC,
                    page,
                )
            )
        ).all()

    async def count(self, where: AssistanceCriteria) -> int:
        return int(
            await self.session.scalar(
                select(func.count()).select_from(AssistanceRequest).where(*where.conditions(), *self._scope())
            )
            or 0
        )

    async def pages_of_countries(self, isos: list[str], page: PageRequest) -> list[list[AssistanceRequest]]:
        return await pages_by_owner(
            self.session, AssistanceRequest.stricken_country, isos, self._scope(), ASSISTANCE_SORT, Direction.DESC, page
        )

    async def counts_of_countries(self, isos: list[str]) -> list[int]:
        return await counts_by_owner(self.session, AssistanceRequest.stricken_country, isos, self._scope())

    async def needs_of(self, ids: Sequence[uuid.UUID]) -> Sequence[AssistanceNeed]:
        return (
            await self.session.scalars(
                select(AssistanceNeed)
                .where(any_of(AssistanceNeed.request_id, ids))
                .order_by(AssistanceNeed.created_at, AssistanceNeed.id)
            )
        ).all()

    async def offers_of(self, ids: Sequence[uuid.UUID]) -> Sequence[AssistanceOffer]:
        return (
            await self.session.scalars(
                select(AssistanceOffer)
                .where(any_of(AssistanceOffer.request_id, ids))
                .order_by(AssistanceOffer.created_at, AssistanceOffer.id)
            )
        ).all()

    async def reports_of(self, ids: Sequence[uuid.UUID]) -> Sequence[SituationReport]:
        return (
            await self.session.scalars(
                select(SituationReport).where(any_of(SituationReport.request_id, ids)).order_by(SituationReport.number)
            )
        ).all()

    async def transitions_of(self, ids: Sequence[uuid.UUID]) -> Sequence[AssistanceTransition]:
        return (
            await self.session.scalars(
                select(AssistanceTransition)
                .where(any_of(AssistanceTransition.request_id, ids))
                .order_by(AssistanceTransition.at)
            )
        ).all()

    async def offer_for_change(self, offer_id: uuid.UUID) -> AssistanceOffer | None:
        found: AssistanceOffer | None = await self.child(AssistanceOffer, offer_id)
        return found

    async def contents(self, request: AssistanceRequest) -> AssistanceContents:
        ids = [request.id]
        return AssistanceContents(
            needs=list(await self.needs_of(ids)),
            offers=list(await self.offers_of(ids)),
            reports=list(await self.reports_of(ids)),
        )


class AssistanceLoaders:
    """One caller's loaders of requests for assistance and their insides; every read of requests is checked
    against the caller."""

    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        assistance = AssistanceRepository(session, caller)
        self.assistance_by_id = one_per_key(assistance.get_many, lambda r: r.id)
        self.assistance_needs = many_per_key(assistance.needs_of, lambda n: n.request_id)
        self.assistance_offers = many_per_key(assistance.offers_of, lambda o: o.request_id)
        self.situation_reports = many_per_key(assistance.reports_of, lambda r: r.request_id)
        self.assistance_transitions = many_per_key(assistance.transitions_of, lambda t: t.request_id)
        self.assistance_of_partner: DataLoader[PagedKey[str], list[AssistanceRequest]] = pages_per_key(
            assistance.pages_of_countries
        )
        self.assistance_count_of_partner = DataLoader(load_fn=assistance.counts_of_countries)
