"""The gateway as production configures it: only trusted documents, no introspection, browsers only from the
frontend's origin, and a subgraph that stops answering costs a caller seconds, not the gateway."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from shared.devstack.processes import spawn, stop
from shared.devstack.services import SERVICES, compose_supergraph, gateway_command, repository_root

from .conftest import FRONTEND_ORIGIN, System, gateway_process

LIST = "query FirstActivity { activities(first: 1) { totalCount } }"
INTROSPECTION = "query Types { __schema { types { name } } }"


def _sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code", "") for error in body.get("errors") or []]


def _post(url: str, payload: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
    response = httpx.post(f"{url}/graphql", json=payload, headers=headers, timeout=30)
    return dict(response.json())


def test_with_trusted_documents_only_their_hashes_run_and_introspection_is_off(system: System, tmp_path: Path) -> None:
    documents = tmp_path / "trusted.json"
    documents.write_text(json.dumps({_sha256(LIST): LIST, _sha256(INTROSPECTION): INTROSPECTION}))
    with gateway_process(
        system.supergraph,
        tmp_path / "gateway.log",
        OIDC_ISSUER_URL=system.issuer,
        GATEWAY_TRUSTED_DOCUMENTS=str(documents),
        GATEWAY_INTROSPECTION="false",
    ) as gateway:
        by_hash = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": _sha256(LIST)}}}
        answer = _post(gateway, by_hash, system.headers())
        assert "errors" not in answer and answer["data"]["activities"]["totalCount"] >= 0
        assert "errors" not in _post(gateway, {"documentId": _sha256(LIST)}, system.headers())

        assert _codes(_post(gateway, {"query": LIST}, system.headers())) == ["PERSISTED_QUERY_NOT_IN_LIST"]
        unknown = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": _sha256("{ programmes }")}}}
        assert _codes(_post(gateway, unknown, system.headers())) == ["PERSISTED_QUERY_NOT_IN_LIST"]
        assert _codes(_post(gateway, by_hash, {})) == ["UNAUTHENTICATED"]
        refused = _post(gateway, {"documentId": _sha256(INTROSPECTION)}, system.headers())
        assert set(_codes(refused)) == {"GRAPHQL_VALIDATION_FAILED"} and "data" not in refused
        assert "introspection has been disabled" in refused["errors"][0]["message"]


def test_a_trusted_documents_file_with_a_wrong_hash_stops_the_gateway_from_starting(
    system: System, tmp_path: Path
) -> None:
    documents = tmp_path / "trusted.json"
    documents.write_text(json.dumps({_sha256("{ somethingElse }"): LIST}))
    process = spawn(
        gateway_command(system.supergraph, 0),
        log=tmp_path / "gateway.log",
        cwd=repository_root() / "gateway",
        env={**os.environ, "OIDC_ISSUER_URL": system.issuer, "GATEWAY_TRUSTED_DOCUMENTS": str(documents)},
    )
    try:
        assert process.wait(60) != 0
    finally:
        stop(process)
    assert "does not have that SHA-256 hash" in (tmp_path / "gateway.log").read_text()


@pytest.mark.parametrize(("origin", "allowed"), [(FRONTEND_ORIGIN, True), ("https://elsewhere.example", False)])
def test_browsers_may_call_only_from_the_configured_origins(system: System, origin: str, allowed: bool) -> None:
    preflight = httpx.options(
        f"{system.gateway}/graphql",
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization, content-type",
        },
    )
    assert (preflight.headers.get("access-control-allow-origin") == origin) is allowed
    if allowed:
        assert "authorization" in preflight.headers.get("access-control-allow-headers", "").lower()


@contextmanager
def _silent_server() -> Iterator[int]:
    """A port that takes connections and never answers: a subgraph that has hung."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield int(listener.getsockname()[1])


def test_a_subgraph_that_stops_answering_fails_its_fields_in_seconds_and_the_rest_still_answer(
    system: System, tmp_path: Path
) -> None:
    with _silent_server() as hung_port:
        subgraphs = [
            (
                spec.name,
                f"http://127.0.0.1:{hung_port}/graphql"
                if spec.name == "menu"
                else f"{system.services[spec.name]}/graphql",
                system.logs / "sdl" / f"{spec.name}.graphql",
            )
            for spec in SERVICES
        ]
        supergraph = compose_supergraph(subgraphs, tmp_path / "supergraph.graphql")
        with gateway_process(supergraph, tmp_path / "gateway.log", OIDC_ISSUER_URL=system.issuer) as gateway:
            started = time.monotonic()
            answer = _post(gateway, {"query": LIST}, system.headers())
            elapsed = time.monotonic() - started
            assert 9 <= elapsed < 13, elapsed
            assert answer.get("errors") and all(code for code in _codes(answer)), answer
            assert "127.0.0.1" not in json.dumps(answer)

            started = time.monotonic()
            partners = _post(gateway, {"query": "{ partners { iso } }"}, system.headers())
            assert "errors" not in partners and time.monotonic() - started < 2
