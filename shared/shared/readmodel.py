"""Read models: a service's own copy of another's aggregates, kept from their events.

The one rule every copy follows: an older version never overwrites a newer one, so events
that arrive late, twice or out of order leave the copy as the newest state it has seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Text, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from shared.db import any_of
from shared.partners import PartnerStanding


async def upsert_if_newer(session: AsyncSession, model: type[Any], key: str, values: dict[str, Any]) -> bool:
    """Insert or update the row of `values[key]` unless it already holds this or a newer version.

    Returns True when the state was applied."""
    statement = insert(model).values(values)
    result = await session.execute(statement.on_conflict_do_update(
        index_elements=[getattr(model, key)],
        set_={name: statement.excluded[name] for name in values if name != key},
        where=model.version < statement.excluded.version,
    ).returning(getattr(model, key)))
    return result.first() is not None


class KnownPartnerColumns:
    """A partner as programmes last published it: the copy menu and capacity each keep
    (each service declares its own `known_partner` table with these columns)."""

    iso: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    framework: Mapped[str] = mapped_column(Text)
    suspended: Mapped[bool]
    version: Mapped[int] = mapped_column(doc="the partner's version in programmes")


class PartnerReadModel:
    """A service's copy of programmes' partners, kept from programmes.partner.v1."""

    def __init__(self, session: AsyncSession, model: type[KnownPartnerColumns]) -> None:
        self.session = session
        self.model = model

    async def standing(self, iso: str) -> PartnerStanding | None:
        row = await self.session.get(self.model, iso)
        return PartnerStanding(row.iso, row.framework, row.suspended) if row else None

    async def unknown(self, isos: Sequence[str]) -> list[str]:
        """Those of `isos` no partner event has named."""
        if not isos:
            return []
        known = set((await self.session.scalars(select(self.model.iso).where(any_of(self.model.iso, isos)))).all())
        return [iso for iso in isos if iso not in known]

    async def apply(self, state: dict[str, Any]) -> bool:
        """Upsert a partner's state; an older version never overwrites a newer one. True if applied."""
        values = {"iso": state["iso"], "name": state["name"], "framework": state["framework"],
                  "suspended": state["suspended"], "version": state["version"]}
        return await upsert_if_newer(self.session, self.model, "iso", values)

    async def all(self) -> Sequence[KnownPartnerColumns]:
        return (await self.session.scalars(select(self.model).order_by(self.model.iso))).all()
