"""300 changes at a steady rate while something fails: every committed change's event reaches the topic at least
once, programmes applies each once, no change is half-written, and programmes' copy converges. Each test prints
its counts and how long recovery took."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time

import httpx
import websockets

from shared.settings import DEV_GATEWAY_SECRET

from .conftest import (
    UPDATE,
    Stack,
    applied_once,
    behind,
    converged,
    create_activities,
    dead_letters,
    menu_versions,
    report,
    steady_load,
    topic_versions,
)

ACTIVITIES = 30
CHANGES = 300


async def _verify(stack: Stack, ids: list[str], name: str, recovery_started: float, **figures: object) -> None:
    settled = await converged(stack, ids)
    menu = await menu_versions(stack, ids)
    # No change half-written: every version of every activity has its one history entry (and so its event).
    assert all(logged == version for version, logged in menu.values()), menu
    on_topic, read = await topic_versions(stack, ids)
    missing = {i: set(range(1, version + 1)) - on_topic[i] for i, (version, _) in menu.items()}
    assert not any(missing.values()), {i: m for i, m in missing.items() if m}
    committed = sum(version for version, _ in menu.values())
    applied, distinct = await applied_once(stack)
    assert applied == distinct  # never twice
    report(
        name,
        changes_committed=committed,
        events_on_topic=read,
        redelivered=read - committed,
        applied_by_programmes=applied,
        recovered_in=f"{time.monotonic() - recovery_started:.1f}s",
        converged_after_load=f"{settled:.1f}s",
        **figures,
    )


async def test_a_broker_paused_for_ten_seconds_loses_nothing(stack: Stack) -> None:
    ids = await create_activities(stack, ACTIVITIES)
    load = asyncio.create_task(steady_load(stack, ids, CHANGES))
    await asyncio.sleep(4)
    assert stack.broker.process is not None
    os.kill(stack.broker.process.pid, signal.SIGSTOP)
    await asyncio.sleep(10)
    os.kill(stack.broker.process.pid, signal.SIGCONT)
    resumed = time.monotonic()
    done = await load
    assert done.failed == 0  # the outbox takes every change while the broker is away
    await _verify(stack, ids, "broker paused 10 s", resumed, mutations_ok=done.succeeded)


async def test_a_service_killed_mid_load_and_restarted_loses_nothing(stack: Stack) -> None:
    ids = await create_activities(stack, ACTIVITIES)
    load = asyncio.create_task(steady_load(stack, ids, CHANGES))
    await asyncio.sleep(5)
    stack.menu.kill()
    await asyncio.sleep(1)
    stack.menu.start()
    restarted = time.monotonic()
    done = await load
    await _verify(
        stack, ids, "menu SIGKILLed", restarted, mutations_ok=done.succeeded, mutations_refused_while_down=done.failed
    )


async def test_a_consumer_killed_mid_batch_applies_each_event_once(stack: Stack) -> None:
    ids = await create_activities(stack, ACTIVITIES)
    load = asyncio.create_task(steady_load(stack, ids, CHANGES))
    await asyncio.sleep(5)
    stack.programmes.kill()
    await asyncio.sleep(2)
    stack.programmes.start()
    restarted = time.monotonic()
    done = await load
    assert done.failed == 0
    await _verify(stack, ids, "programmes SIGKILLed", restarted, mutations_ok=done.succeeded)


async def test_a_broker_killed_under_load_comes_back_republished_and_every_copy_converges_by_itself(
    stack: Stack,
) -> None:
    """What `make run` does: its supervisor starts the broker again with its topics; the services notice the new
    log by themselves (no marker of theirs on it), tell it every aggregate's state again and read it afresh."""
    ids = await create_activities(stack, ACTIVITIES)
    quiet = await create_activities(stack, 10)  # no change after the broker is lost: only republish tells them
    await converged(stack, quiet)
    load = asyncio.create_task(steady_load(stack, ids, CHANGES))
    await asyncio.sleep(5)
    assert stack.broker.process is not None
    os.kill(stack.broker.process.pid, signal.SIGKILL)  # in memory: everything on it is gone
    killed = time.monotonic()
    supervising = asyncio.create_task(stack.supervise(120))
    try:
        done = await load
        diverged = await behind(stack, ids + quiet)
        assert done.failed == 0  # the outbox takes every change while the broker is away
        everything = ids + quiet
        settled = await converged(stack, everything, timeout=120 - (time.monotonic() - killed))
        recovered = time.monotonic() - killed
    finally:
        supervising.cancel()
    assert any(line.startswith("broker restarted") for line in stack.said), stack.said
    menu = await menu_versions(stack, everything)
    assert all(logged == version for version, logged in menu.values()), menu  # nothing half-written
    on_topic, read = await topic_versions(stack, everything)
    # A new subscriber reading the new topic from its beginning finds every activity at its latest version.
    assert {i: max(versions, default=0) for i, versions in on_topic.items()} == {
        i: version for i, (version, _) in menu.items()
    }
    applied, distinct = await applied_once(stack)
    assert applied == distinct
    report(
        "broker SIGKILLed, restarted by the supervisor",
        changes_committed=sum(v for v, _ in menu.values()),
        records_on_new_topic=read,
        applied_by_programmes=applied,
        lost=0,
        behind_after_load=diverged,
        behind_after=0,
        dead_letters=await dead_letters(stack),
        converged_after_kill=f"{recovered:.1f}s",
        converged_after_load=f"{settled:.1f}s",
        mutations_ok=done.succeeded,
    )

    # A new subscriber on the republished log gets no change older than its subscription: not the states the
    # republish told again, nor the records before the end the broker reports; then the next change.
    socket = await websockets.connect(
        f"ws://127.0.0.1:{stack.menu.port}/graphql",
        subprotocols=[websockets.Subprotocol("graphql-transport-ws")],
        additional_headers={"x-hub-gateway-secret": DEV_GATEWAY_SECRET},
    )
    try:
        signing_in = {"type": "connection_init", "payload": {"Authorization": f"Bearer {stack.token}"}}
        await socket.send(json.dumps(signing_in))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        await socket.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": "subscription { activityChanged { id version } }"},
                }
            )
        )
        old_news = await _messages(socket, seconds=4)
        async with httpx.AsyncClient(timeout=15) as client:
            await stack.graphql(client, UPDATE, {"id": ids[0], "tags": ["after-subscribing"]})
        news = await _messages(socket, seconds=4)
    finally:
        await socket.close()
    assert old_news == []
    assert news == [{"id": ids[0], "version": menu[ids[0]][0] + 1}]
    report(
        "a new subscriber after the broker came back",
        old_changes_received=len(old_news),
        new_changes_received=len(news),
    )


async def _messages(socket: websockets.ClientConnection, seconds: float) -> list[dict[str, object]]:
    """The activities a subscription sent within `seconds`."""
    received, deadline = [], time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = json.loads(await asyncio.wait_for(socket.recv(), left))
        except TimeoutError:
            break
        if message["type"] == "ping":
            await socket.send(json.dumps({"type": "pong"}))
        elif message["type"] == "next":
            received.append(message["payload"]["data"]["activityChanged"])
        else:
            raise AssertionError(message)
    return received
