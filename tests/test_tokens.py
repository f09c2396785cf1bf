"""Tokens the gateway and every subgraph refuse: none, expired, signed by another key, for another audience;
and a subscription that ends when its token expires."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from .conftest import System
from .test_live import GraphQLWebSocket


def _issuer_key(system: System, identity: Any) -> tuple[Any, str]:
    """The identity provider's own signing key, to mint tokens it would have issued (expired, say)."""
    jwk = json.loads((identity.data_dir / "keys.json").read_text())["jwks"]["keys"][0]
    return jwt.PyJWK(jwk).key, jwk["kid"]


def _token(key: Any, kid: str, issuer: str, **claims: Any) -> str:
    now = int(time.time())
    body = {
        "sub": "staff",
        "roles": ["staff"],
        "iss": issuer,
        "aud": "partnership-hub",
        "iat": now,
        "exp": now + 600,
        **claims,
    }
    return jwt.encode(body, key, algorithm="RS256", headers={"kid": kid})


@pytest.fixture(scope="module")
def bad_tokens(system: System, identity: Any) -> dict[str, str]:
    key, kid = _issuer_key(system, identity)
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = int(time.time())
    return {
        "expired": _token(key, kid, system.issuer, iat=now - 3600, exp=now - 120),
        "another key": _token(stranger, kid, system.issuer),
        "unknown key id": _token(stranger, "forged-kid", system.issuer),
        "another audience": _token(key, kid, system.issuer, aud="someone-else"),
        "another issuer": _token(key, kid, "https://issuer.example"),
        "not a JWT": "not-a-token",
    }


def test_the_gateway_refuses_missing_and_bad_tokens(system: System, bad_tokens: dict[str, str]) -> None:
    for name, token in {"none": None, **bad_tokens}.items():
        headers = {"authorization": f"Bearer {token}"} if token else {}
        response = httpx.post(f"{system.gateway}/graphql", json={"query": "{ __typename }"}, headers=headers)
        codes = [e["extensions"]["code"] for e in response.json()["errors"]]
        assert codes == ["UNAUTHENTICATED"], (name, response.text)


def test_every_subgraph_checks_the_token_itself(system: System, bad_tokens: dict[str, str]) -> None:
    for service, url in system.services.items():
        for name, token in {"none": None, **bad_tokens}.items():
            headers = {
                "x-hub-gateway-secret": "dev-gateway-secret",
                **({"authorization": f"Bearer {token}"} if token else {}),
            }
            result = httpx.post(f"{url}/graphql", json={"query": "{ __typename }"}, headers=headers).json()
            assert [e["extensions"]["code"] for e in result["errors"]] == ["UNAUTHENTICATED"], (service, name)
            assert result["data"] is None


def test_a_valid_token_without_a_known_role_is_forbidden_everything(system: System, identity: Any) -> None:
    key, kid = _issuer_key(system, identity)
    token = _token(key, kid, system.issuer, sub="visitor", roles=["offline_access", "admin"])
    response = httpx.post(
        f"{system.gateway}/graphql",
        json={"query": "{ partners { iso } }"},
        headers={"authorization": f"Bearer {token}"},
    )
    errors = response.json()["errors"]
    assert {e["extensions"]["code"] for e in errors} == {"FORBIDDEN"}, errors
    assert "names none of the roles" in errors[0]["message"]


async def test_a_subscription_ends_when_its_token_expires(system: System, identity: Any) -> None:
    key, kid = _issuer_key(system, identity)
    short = _token(key, kid, system.issuer, exp=int(time.time()) + 4)
    client = await GraphQLWebSocket.open(system.gateway, short)
    try:
        await client.subscribe("s", "subscription { activityChanged { id } }", {})
        message = await client.next_message(timeout=70)  # 4 s of token, 60 s of clock skew at most
        codes = (
            [e["extensions"]["code"] for e in message["payload"].get("errors") or []]
            if message["type"] == "next"
            else []
        )
        assert codes == ["UNAUTHENTICATED"] and "expired" in message["payload"]["errors"][0]["message"], message
    finally:
        await client.close()
