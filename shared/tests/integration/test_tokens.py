"""Token verification against the real development identity provider."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from shared.auth import Role
from shared.devstack.identity import IdentityProvider, dev_token
from shared.errors import Unauthenticated
from shared.web.tokens import TokenVerifier


async def test_a_dev_token_names_its_role_and_binding(identity: IdentityProvider) -> None:
    verifier = TokenVerifier(identity.issuer, "partnership-hub")
    token = (await asyncio.to_thread(dev_token, identity.issuer, "partner-jor")).access_token
    actor = await verifier.actor(f"Bearer {token}")
    assert (actor.subject, actor.role, actor.partner_iso) == ("partner-jor", Role.PARTNER, "JOR")
    assert actor.id == "partner-jor (partner)" and actor.expires_at and actor.expires_at > time.time() + 800
    system_token = (await asyncio.to_thread(dev_token, identity.issuer, "system")).access_token
    system = await verifier.actor(f"Bearer {system_token}")
    assert system.role is Role.SYSTEM


async def test_unknown_key_ids_are_looked_up_at_most_once_a_minute(identity: IdentityProvider) -> None:
    verifier = TokenVerifier(identity.issuer, "partnership-hub")
    await verifier.actor(f"Bearer {(await asyncio.to_thread(dev_token, identity.issuer, 'staff')).access_token}")
    assert verifier.fetches == 1
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for n in range(100):
        forged = jwt.encode(
            {"sub": "x", "aud": "partnership-hub", "iss": identity.issuer, "exp": int(time.time()) + 60},
            stranger,
            algorithm="RS256",
            headers={"kid": f"k{n}"},
        )
        with pytest.raises(Unauthenticated):
            await verifier.actor(f"Bearer {forged}")
    assert verifier.fetches == 1  # a hundred made-up key ids, no second fetch within the minute


async def test_roles_can_come_from_a_nested_claim_as_keycloak_puts_them(identity: IdentityProvider) -> None:
    from shared.auth import Actor
    from shared.web.tokens import roles_at

    claims: dict[str, Any] = {"realm_access": {"roles": ["offline_access", "ally"]}, "nation": "nor"}
    actor = Actor.from_claims("someone", roles_at(claims, "realm_access.roles"), nation=claims["nation"])
    assert actor.role is Role.ALLY and actor.nation == "NOR"
