"""One trace from the client's request through the gateway, the subgraph's operation and SQL, its event on
Kafka, to the consumer in another service: all exported over OTLP to one collector."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.devstack.processes import free_port
from shared.testing.otlp import OtlpReceiver

from .conftest import System, running_system

CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c"


@pytest.fixture(scope="module")
def traced(postgres, broker, identity, tmp_path_factory) -> Iterator[tuple[System, OtlpReceiver]]:  # type: ignore[no-untyped-def]
    receiver = OtlpReceiver(free_port())
    try:
        with running_system(
            postgres,
            broker,
            identity,
            Path(tmp_path_factory.mktemp("traced")),
            "traced",
            OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint,
            OTEL_BSP_SCHEDULE_DELAY="200",
        ) as system:
            yield system, receiver
    finally:
        receiver.close()


def test_a_change_and_its_reaction_in_another_service_share_one_trace(traced) -> None:  # type: ignore[no-untyped-def]
    system, receiver = traced
    assert all(httpx.get(f"{url}/status").json()["tracing"] is True for url in system.services.values())
    headers = {**system.headers(), "traceparent": f"00-{CLIENT_TRACE}-b7ad6b7169203331-01"}
    created = httpx.post(
        f"{system.gateway}/graphql",
        headers=headers,
        timeout=30,
        json={
            "query": """mutation($input: ActivityInput!) { createActivity(input: $input) { id } }""",
            "variables": {
                "input": {
                    "pcmRef": "NCIA.000001",
                    "title": "Traced Cyber Course",
                    "description": "A course to trace.",
                    "areaCode": "CYB",
                    "kind": "COURSE",
                    "level": "BASIC",
                    "languages": ["en"],
                    "frameworks": ["PFP"],
                    "eligiblePartners": [],
                    "tags": [],
                }
            },
            "operationName": None,
        },
    ).json()
    assert "errors" not in created, created

    def chain() -> dict[str, set[str]]:
        names: dict[str, set[str]] = {}
        for span in receiver.spans:
            if span.trace_id == CLIENT_TRACE:
                names.setdefault(span.service, set()).add(span.name)
        return names

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        names = chain()
        if any(n.startswith("apply menu.activity.created") for n in names.get("programmes", ())) and any(
            n.startswith("apply menu.activity.created") for n in names.get("capacity", ())
        ):
            break
        time.sleep(0.3)
    names = chain()
    assert "gateway" in names, names
    assert "mutation anonymous" in names["menu"] and any(n.startswith("send ") for n in names["menu"]), names
    assert any(n.startswith("INSERT") for n in names["menu"]), names  # SQL statements, in the operation's trace
    assert "apply menu.activity.created" in names["programmes"] and "apply menu.activity.created" in names["capacity"]
    by_id = {span.span_id: span for span in receiver.spans}
    applied = next(
        s
        for s in receiver.spans
        if s.service == "programmes" and s.name == "apply menu.activity.created" and s.trace_id == CLIENT_TRACE
    )
    assert by_id[applied.parent_id].name.startswith("send ")  # the consumer's span follows the publish
    operation = next(s for s in receiver.spans if s.service == "menu" and s.name == "mutation anonymous")
    assert by_id[operation.parent_id].service == "gateway"  # the subgraph's span, a child of the gateway's
