"""Every SQL statement of capacity; loaders fetch many keys in one statement."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from capacity.domain import PartnerStanding, RequestStatus
from capacity.models import CapacityRequest, KnownPartner
from shared.db import any_of
from shared.graphql.loaders import many_per_key, one_per_key
from shared.graphql.pagination import PageRequest


@dataclass
class RequestCriteria:
    partner_iso: str | None = None
    statuses: list[RequestStatus] | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.partner_iso:
            where.append(CapacityRequest.partner_iso == self.partner_iso)
        if self.statuses:
            where.append(CapacityRequest.status.in_(self.statuses))
        return where


class RequestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, request: CapacityRequest) -> None:
        self.session.add(request)

    async def get_many(self, ids: Sequence[uuid.UUID]) -> Sequence[CapacityRequest]:
        return (await self.session.scalars(
            select(CapacityRequest).where(any_of(CapacityRequest.id, ids)))).all()

    async def of_partners(self, isos: Sequence[str]) -> Sequence[CapacityRequest]:
        return (await self.session.scalars(
            select(CapacityRequest).where(any_of(CapacityRequest.partner_iso, isos))
            .order_by(CapacityRequest.partner_iso, CapacityRequest.created_at, CapacityRequest.id))).all()

    async def page(self, where: RequestCriteria, page: PageRequest) -> Sequence[CapacityRequest]:
        statement = select(CapacityRequest).where(*where.conditions())
        if page.after is not None:
            statement = statement.where(tuple_(CapacityRequest.created_at, CapacityRequest.id)
                                        > tuple_(datetime.fromisoformat(page.after[0]), uuid.UUID(page.after[1])))
        statement = statement.order_by(CapacityRequest.created_at, CapacityRequest.id).limit(page.limit + 1)
        return (await self.session.scalars(statement)).all()

    async def count(self, where: RequestCriteria) -> int:
        return int(await self.session.scalar(
            select(func.count()).select_from(CapacityRequest).where(*where.conditions())) or 0)


class PartnerReadModel:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def standing(self, iso: str) -> PartnerStanding | None:
        row = await self.session.get(KnownPartner, iso)
        return PartnerStanding(row.iso, row.suspended) if row else None

    async def apply(self, state: dict[str, Any]) -> None:
        """Upsert a partner's state; an older version never overwrites a newer one."""
        values = {"iso": state["iso"], "name": state["name"], "framework": state["framework"],
                  "suspended": state["suspended"], "version": state["version"]}
        statement = insert(KnownPartner).values(values)
        await self.session.execute(statement.on_conflict_do_update(
            index_elements=[KnownPartner.iso],
            set_={k: statement.excluded[k] for k in values if k != "iso"},
            where=KnownPartner.version < statement.excluded.version,
        ))


class CapacityLoaders:
    def __init__(self, session: AsyncSession) -> None:
        requests = RequestRepository(session)
        self.request_by_id = one_per_key(requests.get_many, lambda r: r.id)
        self.requests_by_partner = many_per_key(requests.of_partners, lambda r: r.partner_iso)
