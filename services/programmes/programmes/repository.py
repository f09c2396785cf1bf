"""Every SQL statement of programmes; loaders fetch many keys in one statement."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from programmes.models import Partner
from shared.db import any_of
from shared.frameworks import Framework
from shared.graphql.loaders import one_per_key


class PartnerRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, partner: Partner) -> None:
        self.session.add(partner)

    async def get(self, iso: str, *, for_update: bool = False) -> Partner | None:
        statement = select(Partner).where(Partner.iso == iso)
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).first()

    async def get_many(self, isos: Sequence[str]) -> Sequence[Partner]:
        return (await self.session.scalars(select(Partner).where(any_of(Partner.iso, isos)))).all()

    async def list(self, framework: Framework | None = None) -> Sequence[Partner]:
        statement = select(Partner).order_by(Partner.name)
        if framework is not None:
            statement = statement.where(Partner.framework == framework)
        return (await self.session.scalars(statement)).all()


class ProgrammesLoaders:
    def __init__(self, session: AsyncSession) -> None:
        self.partner_by_iso = one_per_key(PartnerRepository(session).get_many, lambda p: p.iso)
