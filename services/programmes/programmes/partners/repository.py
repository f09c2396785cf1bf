"""Every SQL statement about partners, and the partner loader of a request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from programmes.partners.access import READ_PARTNERS
from programmes.partners.models import Partner
from shared.auth import Actor
from shared.frameworks import Framework
from shared.graphql.loaders import one_per_key
from shared.repository import Repository


class PartnerRepository(Repository[Partner]):
    """Partners. Given the caller, a read first checks it may read partners (every signed-in caller may)."""

    model = Partner
    key = "iso"

    def _check_read(self) -> None:
        if self.caller is not None:
            READ_PARTNERS.require(self.caller)

    async def get_many(self, keys: Sequence[Any]) -> Sequence[Partner]:
        self._check_read()
        return await super().get_many(keys)

    async def list(self, framework: Framework | None = None) -> Sequence[Partner]:
        self._check_read()
        statement = select(Partner).order_by(Partner.name)
        if framework is not None:
            statement = statement.where(Partner.framework == framework)
        return (await self.session.scalars(statement)).all()


class PartnersLoaders:
    def __init__(self, session: AsyncSession, caller: Actor) -> None:
        partners = PartnerRepository(session, caller)
        self.partner_by_iso = one_per_key(partners.get_many, lambda p: p.iso)
