"""The outbox: events commit with the change, wait while the broker is down, then leave in order."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text

from shared.auth import Actor, Role
from shared.devstack.broker import EmbeddedBroker
from shared.devstack.processes import free_port
from shared.events.kafka import ensure_topics
from shared.testing.harness import eventually
from shared.testing.kafka import read_events

from .conftest import THINGS, Thing, probe_runtime


async def _make_things(runtime, key: str, count: int, commit: bool = True) -> None:  # type: ignore[no-untyped-def]
    async with runtime.sessionmaker() as session:
        uow = runtime.unit_of_work(session, Actor("tester", Role.STAFF))
        for n in range(count):
            uow.publish(THINGS.event("made", Thing(id=key, n=n), key))
        if commit:
            await uow.commit()
        else:
            await uow.flush()
            await uow.rollback()


async def _unsent(runtime) -> int:  # type: ignore[no-untyped-def]
    outbox = runtime.metadata.tables["outbox"]
    async with runtime.sessionmaker() as session:
        return len((await session.execute(select(outbox.c.seq).where(outbox.c.sent_at.is_(None)))).all())


async def test_a_broker_that_is_down_loses_nothing_and_order_is_kept(probe_database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    port = free_port()  # nothing listens here yet
    runtime = probe_runtime(url, metadata, f"127.0.0.1:{port}", f"o{uuid.uuid4().hex[:6]}.")
    await runtime.start_workers()
    broker = EmbeddedBroker(port, log=tmp_path / "late-broker.log")
    try:
        key = str(uuid.uuid4())
        await _make_things(runtime, key, 5)  # the change commits although the broker is down
        assert await _unsent(runtime) == 5
        broker.start()
        await ensure_topics(runtime.settings, [runtime.settings.topic(THINGS.name)])  # as an operator would
        await eventually(lambda: _zero(runtime), timeout=30)
        events = await read_events(broker.bootstrap_servers, runtime.settings.topic(THINGS.name), key=key, at_least=5)
        assert [e.data["n"] for e, _ in events] == [0, 1, 2, 3, 4]
        assert all(e.actor == "tester (staff)" for e, _ in events)
    finally:
        await runtime.stop()
        broker.stop()


async def _zero(runtime) -> bool:  # type: ignore[no-untyped-def]
    return await _unsent(runtime) == 0


async def test_a_rolled_back_change_publishes_nothing(probe_database, broker) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    runtime = probe_runtime(url, metadata, broker.bootstrap_servers, f"r{uuid.uuid4().hex[:6]}.")
    try:
        await _make_things(runtime, str(uuid.uuid4()), 3, commit=False)
        assert await _unsent(runtime) == 0
    finally:
        await runtime.stop()


async def test_housekeeping_forgets_long_sent_events_and_old_event_ids(probe_database, broker) -> None:  # type: ignore[no-untyped-def]
    url, metadata = probe_database
    runtime = probe_runtime(url, metadata, broker.bootstrap_servers, f"h{uuid.uuid4().hex[:6]}.")
    try:
        await _make_things(runtime, str(uuid.uuid4()), 2)
        async with runtime.sessionmaker() as session:
            await session.execute(text("UPDATE outbox SET sent_at = now() - interval '8 days'"))
            await session.execute(
                text(
                    "INSERT INTO processed_event (consumer, event_id, topic, processed_at) "
                    "VALUES ('c', 'old', 't', now() - interval '31 days'), ('c', 'new', 't', now())"
                )
            )
            await session.commit()
        import asyncpg

        from shared.db import asyncpg_dsn
        from shared.events.relay import OutboxRelay

        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            await OutboxRelay(runtime.settings, asyncpg_dsn(url), runtime.channel).housekeeping(conn)
            assert await conn.fetchval("SELECT count(*) FROM outbox") == 0
            assert await conn.fetch("SELECT event_id FROM processed_event") == [("new",)]
        finally:
            await conn.close()
    finally:
        await runtime.stop()
