"""The edge, as a client or a probe meets it: CORS allows only the configured origins, the Authorization header
reads the same at the gateway and the subgraphs, and a subgraph's odd requests get coded 400s."""

from __future__ import annotations

import httpx

from shared.settings import DEV_GATEWAY_SECRET

from .conftest import FRONTEND_ORIGIN, System, gateway_process

TYPENAME = {"query": "{ __typename }"}


def _preflight(url: str, origin: str) -> httpx.Response:
    return httpx.options(
        f"{url}/graphql",
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "authorization",
        },
    )


def test_cors_allows_the_configured_origins_only_and_none_when_unset(system: System) -> None:
    allowed = _preflight(system.gateway, FRONTEND_ORIGIN)
    assert allowed.headers.get("access-control-allow-origin") == FRONTEND_ORIGIN
    assert "idempotency-key" in allowed.headers.get("access-control-allow-headers", "").lower()
    other = _preflight(system.gateway, "https://elsewhere.example")  # told the one allowed origin: not its own
    assert other.headers.get("access-control-allow-origin") != "https://elsewhere.example"
    with gateway_process(system.supergraph, system.logs / "gateway-no-cors.log", OIDC_ISSUER_URL=system.issuer) as url:
        for origin in (FRONTEND_ORIGIN, "https://elsewhere.example"):
            refused = _preflight(url, origin)
            assert refused.headers.get("access-control-allow-origin") in (None, "null"), refused.headers
            assert "access-control-allow-credentials" not in refused.headers
            plain = httpx.post(f"{url}/graphql", json=TYPENAME, headers={"origin": origin, **system.headers()})
            assert plain.headers.get("access-control-allow-origin") in (None, "null"), plain.headers


def test_the_authorization_header_reads_the_same_at_the_gateway_and_every_subgraph(system: System) -> None:
    token = system.token("staff")
    places: list[tuple[str, dict[str, str]]] = [(system.gateway, {})] + [
        (url, {"x-hub-gateway-secret": DEV_GATEWAY_SECRET}) for url in system.services.values()
    ]
    for url, extra in places:
        for header, signed_in in (
            (f"bearer {token}", True),
            (f"BEARER  {token}", True),
            (f"Bearer {token} extra", False),
            (token, False),
            ("Basic dXNlcjpwYXNz", False),
        ):
            answer = httpx.post(f"{url}/graphql", json=TYPENAME, headers={"authorization": header, **extra}).json()
            if signed_in:
                assert "errors" not in answer, (url, header, answer)
            else:
                assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", (url, header, answer)


def test_a_subgraph_answers_an_unknown_operation_name_and_a_posted_subscription_with_coded_400s(system: System) -> None:
    headers = {**system.headers(), "x-hub-gateway-secret": DEV_GATEWAY_SECRET}
    for url in system.services.values():
        unknown = httpx.post(
            f"{url}/graphql", json={"query": "query A { __typename }", "operationName": "B"}, headers=headers
        )
        assert unknown.status_code == 400 and unknown.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    posted = httpx.post(
        f"{system.services['menu']}/graphql", headers=headers, json={"query": "subscription { activityChanged { id } }"}
    )
    assert posted.status_code == 400, posted.text
    assert posted.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


# Each wording gateway/error-codes.ts matches (refused variables, which its libraries leave uncoded), and
# refused literals, which Yoga codes itself as a validation failure: an operation the gateway refuses in each.
GATEWAY_WORDING = {
    "got invalid value": ("query($n: Int) { activities(first: $n) { totalCount } }", {"n": "x"}, "BAD_USER_INPUT"),
    "of required type": ("query($id: ID!) { occurrence(id: $id) { id } }", {}, "BAD_USER_INPUT"),
    "must not be null": ("query($id: ID!) { occurrence(id: $id) { id } }", {"id": None}, "BAD_USER_INPUT"),
    "Expected value of type": ("{ occurrence(id: null) { id } }", {}, "GRAPHQL_VALIDATION_FAILED"),
    "cannot represent": ('{ activities(first: "x") { totalCount } }', {}, "GRAPHQL_VALIDATION_FAILED"),
    "does not exist in": ("{ activities(filter: {statuses: [NOPE]}) { totalCount } }", {}, "GRAPHQL_VALIDATION_FAILED"),
}


def test_every_wording_the_gateway_matches_is_one_its_libraries_use_and_is_coded(system: System) -> None:
    for wording, (query, variables, code) in GATEWAY_WORDING.items():
        answer = httpx.post(
            f"{system.gateway}/graphql", json={"query": query, "variables": variables}, headers=system.headers()
        ).json()
        messages = [error["message"] for error in answer["errors"]]
        assert any(wording in message for message in messages), (wording, messages)
        assert {error["extensions"]["code"] for error in answer["errors"]} == {code}, (wording, answer)
    forged = httpx.post(
        f"{system.gateway}/graphql", json=TYPENAME, headers={"authorization": "Bearer not.a.token"}
    ).json()
    assert [(e["message"], e["extensions"]["code"]) for e in forged["errors"]] == [
        ("Invalid authentication token provided", "UNAUTHENTICATED")
    ], forged
