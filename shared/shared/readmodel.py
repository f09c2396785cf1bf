"""Read models: a service's own copy of another's aggregates, kept from their events.

The one rule every copy follows: an older version never overwrites a newer one, so events
that arrive late, twice or out of order leave the copy as the newest state it has seen.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession


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
