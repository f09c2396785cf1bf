"""While the broker is away the service stays ready: reads answer, writes wait in the outbox, `/status`
says what is wrong; when a broker is back the outbox drains."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import httpx

from menu.activities.events import ACTIVITY_TOPIC
from menu.app import SERVICE
from shared.devstack.broker import EmbeddedBroker
from shared.devstack.processes import free_port
from shared.events.log_marker import mark_log
from shared.events.topics import create_topics, declared_topics
from shared.testing.harness import eventually, migrated_database, running_service
from shared.testing.kafka import read_events

from ..conftest import ACTIVITY_FIELDS, activity_input, register_test_providers


async def test_reads_and_writes_go_on_while_the_broker_is_down(postgres, identity, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broker = EmbeddedBroker(free_port(), log=tmp_path / "broker.log").start()
    # A name of its own: the session's menu (up, on the session's broker) reports broker_up for "menu".
    settings = SERVICE.settings(
        service_name="menu-outage",
        database_url=await migrated_database(postgres, SERVICE, "menu_outage"),
        kafka_bootstrap_servers=broker.bootstrap_servers,
        topic_prefix="outage.",
        oidc_issuer_url=identity.issuer,
        outbox_sweep_seconds=0.5,
    )
    await create_topics(settings, declared_topics())
    await mark_log(settings)
    try:
        async with running_service(SERVICE, settings) as menu:
            await register_test_providers(menu.runtime)
            await eventually(lambda: _drained(menu), timeout=60)  # the outage begins with nothing in flight
            probe = httpx.AsyncClient(transport=httpx.ASGITransport(app=menu.app), base_url="http://test")
            assert (await menu.runtime.broker_watch.check()).up is True
            # Paused, not replaced: the development broker keeps nothing across a restart and takes writes to
            # topics it does not hold yet, so a replaced one races the relay's buffered send (make test-faults
            # replaces the broker the way make run does).
            assert broker.process is not None
            os.kill(broker.process.pid, signal.SIGSTOP)
            assert (await menu.runtime.broker_watch.check()).up is False

            started = time.monotonic()
            ready = await probe.get("/readyz")
            assert ready.status_code == 200 and time.monotonic() - started < 1.0
            assert ready.json() == {"status": "ok", "checks": {"database": "ok"}}
            assert (await menu.graphql("{ activities(first: 5) { edges { node { id } } } }")).ok()
            created = (
                await menu.graphql(
                    f"mutation($input: ActivityInput!) {{ createActivity(input: $input) {{ {ACTIVITY_FIELDS} }} }}",
                    {"input": activity_input()},
                )
            ).ok()["createActivity"]
            status = (await probe.get("/status")).json()
            assert status["status"] == "degraded" and status["database"] == "ok"
            assert status["broker"]["state"] == "unavailable"
            assert status["outbox"]["unsent"] >= 1 and status["outbox"]["oldestUnsentSeconds"] >= 0
            metrics = (await probe.get("/metrics")).text
            assert 'broker_up{service="menu-outage"} 0.0' in metrics

            os.kill(broker.process.pid, signal.SIGCONT)
            assert (await menu.runtime.broker_watch.check()).up is True
            await eventually(lambda: _drained(menu), timeout=60)
            events = await read_events(broker.bootstrap_servers, settings.topic(ACTIVITY_TOPIC), key=created["id"])
            assert [event.type for event, _ in events] == ["menu.activity.created"]
            assert (await probe.get("/status")).json()["status"] == "ok"
            await probe.aclose()
    finally:
        broker.stop()


async def _drained(menu) -> bool:  # type: ignore[no-untyped-def]
    return await menu.outbox_count(sent_at=None) == 0
