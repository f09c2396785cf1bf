"""A read model rebuilt from its topic, from the beginning: a corrupted copy comes back whole, while the live
consumer waits, and nothing it had applied is applied twice."""

from __future__ import annotations

from sqlalchemy import text

from shared.events.rebuild import rebuild
from shared.testing.harness import ServiceHarness, eventually


async def _copy(programmes: ServiceHarness, activity_id: str) -> tuple[str, int] | None:
    async with programmes.runtime.sessionmaker() as session:
        row = (
            await session.execute(text("SELECT title, version FROM known_activity WHERE id = :id"), {"id": activity_id})
        ).first()
    return None if row is None else (row.title, row.version)


async def test_a_corrupted_copy_of_the_menu_is_rebuilt_from_the_topic(
    programmes: ServiceHarness, menu_activity
) -> None:
    kept = await menu_activity(version=2)
    lost = await menu_activity(version=3)
    async with programmes.runtime.sessionmaker() as session:
        await session.execute(
            text("UPDATE known_activity SET title = 'corrupted', version = 9 WHERE id = :id"), {"id": kept["id"]}
        )
        await session.execute(text("DELETE FROM known_activity WHERE id = :id"), {"id": lost["id"]})
        await session.commit()
    seen: list[tuple[int, int]] = []
    rebuilt = await rebuild(
        programmes.runtime.consumer("menu-activities"), lambda read, total: seen.append((read, total))
    )
    assert await _copy(programmes, kept["id"]) == ("Crisis Course", 2)
    assert await _copy(programmes, lost["id"]) == ("Crisis Course", 3)
    assert rebuilt.records >= 2 and rebuilt.applied >= 2 and seen and seen[-1][0] == seen[-1][1]
    # The live consumer carries on after the rebuild: a new version still arrives.
    await menu_activity(kept["id"], version=5)
    assert await eventually(lambda: _copy(programmes, kept["id"])) == ("Crisis Course", 5)
