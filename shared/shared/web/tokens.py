"""Access tokens verified by each service itself, against any standard OpenID Connect issuer.

The issuer's discovery document gives its JWKS; keys are cached and fetched again for a key id
not seen before, at most once a minute, so forged tokens with made-up key ids cannot make us
hammer the issuer. Signatures must be asymmetric (never `none` or a shared secret), the audience
ours, the issuer the configured one, the token unexpired (60 s of clock skew). Roles come from a
configurable claim path (`roles`, or Keycloak's `realm_access.roles`); the bindings from the
claims `partner_iso`, `nation` and `provider`.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from typing import Any

import httpx
import jwt

from shared.auth import ANONYMOUS, Actor
from shared.errors import Unauthenticated

ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
CLOCK_SKEW = 60
REFETCH_AFTER = 60.0
VERIFIED_KEPT = 4096
# The claims that bind an account to what its role acts for (Actor.partner_iso, .nation, .provider).
BINDING_CLAIMS = ("partner_iso", "nation", "provider")


class TokenVerifier:
    def __init__(self, issuer: str, audience: str, roles_claim: str = "roles") -> None:
        self.issuer = issuer.rstrip("/")
        self.audience = audience
        self.roles_claim = roles_claim
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._jwks_uri: str | None = None
        self._lock = asyncio.Lock()
        self._verified: OrderedDict[str, Actor] = OrderedDict()
        self.fetches = 0  # how often the issuer's keys were fetched (its operators may ask)

    async def actor(self, authorization: str | None) -> Actor:
        """The caller of a request: ANONYMOUS without a token, Unauthenticated for a bad one."""
        if not authorization:
            return ANONYMOUS
        # As the gateway reads it (gateway.config.ts): the scheme in any case, and exactly two parts.
        parts = authorization.split()
        if len(parts) != 2 or parts[0].lower() != "bearer":
            raise Unauthenticated("the Authorization header must be `Bearer <token>`")
        token = parts[1]
        known = self._verified.get(token)
        if known is not None and (known.expires_at or 0) + CLOCK_SKEW > time.time():
            self._verified.move_to_end(token)
            return known
        actor = await self._verify(token.strip())
        self._verified[token] = actor
        if len(self._verified) > VERIFIED_KEPT:
            self._verified.popitem(last=False)
        return actor

    async def _verify(self, token: str) -> Actor:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthenticated("the access token is not a JWT") from exc
        key = await self._key(str(header.get("kid") or ""))
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                leeway=CLOCK_SKEW,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("the access token has expired: refresh it") from exc
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"the access token is not valid here ({type(exc).__name__})") from exc
        roles = roles_at(claims, self.roles_claim)
        return Actor.from_claims(
            str(claims["sub"]),
            roles.split() if isinstance(roles, str) else roles or [],
            **{name: claims.get(name) for name in BINDING_CLAIMS},
            expires_at=float(claims["exp"]),
        )

    async def _key(self, kid: str) -> Any:
        if kid in self._keys:
            return self._keys[kid]
        async with self._lock:
            if kid not in self._keys and time.monotonic() - self._fetched_at >= REFETCH_AFTER or not self._keys:
                await self._fetch_keys()
        if kid not in self._keys:
            raise Unauthenticated("the access token is signed by a key the issuer does not publish")
        return self._keys[kid]

    async def _fetch_keys(self) -> None:
        self._fetched_at = time.monotonic()
        self.fetches += 1
        try:
            async with httpx.AsyncClient(timeout=5) as http:
                if self._jwks_uri is None:
                    discovery = (await http.get(f"{self.issuer}/.well-known/openid-configuration")).json()
                    self._jwks_uri = str(discovery["jwks_uri"])
                keys = (await http.get(self._jwks_uri)).json()["keys"]
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            raise Unauthenticated("the identity provider cannot be reached to check the token") from exc
        self._keys = {str(k.get("kid") or ""): jwt.PyJWK(k).key for k in keys if k.get("use", "sig") == "sig"}


def roles_at(claims: dict[str, Any], claim_path: str) -> Any:
    """The roles a token's claims name at a claim path such as `roles` or `realm_access.roles`."""
    value: Any = claims
    for part in claim_path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
