"""The part every repository shares: add, get by key (optionally locked for a change), get many by keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db import Versioned, any_of
from shared.errors import BadUserInput, NotFound

M = TypeVar("M", bound=Versioned)


class Repository(Generic[M]):
    model: ClassVar[type[Any]]
    key: ClassVar[str] = "id"

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: Any) -> None:
        self.session.add(row)

    async def get(self, key: Any, *, for_update: bool = False) -> M | None:
        statement = select(self.model).where(getattr(self.model, self.key) == key)
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).first()

    async def get_many(self, keys: Sequence[Any]) -> Sequence[M]:
        return (await self.session.scalars(select(self.model).where(any_of(getattr(self.model, self.key), keys)))).all()

    async def for_change(self, key: Any, expected_version: int | None = None, field: str | None = None) -> M:
        """The row, locked for the change about to be made, at the version the caller saw.

        Unknown: NOT_FOUND, or BAD_USER_INPUT naming `field` when the key came in an input."""
        row = await self.get(key, for_update=True)
        if row is None:
            if field:
                raise BadUserInput(f"there is no {self.model.__name__} {key}", field=field)
            raise NotFound(self.model.__name__, key)
        row.check_version(expected_version)
        return row

    async def child(self, model: type, child_id: Any) -> Any:
        """A row of the aggregate's inside (a measure, a goal), locked for a change."""
        statement: Any = select(model).where(model.id == child_id).with_for_update()  # type: ignore[attr-defined]
        return (await self.session.scalars(statement)).first()
