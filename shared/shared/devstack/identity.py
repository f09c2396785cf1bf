"""The development OpenID Connect provider (deploy/identity, oidc-provider on Node) and a client of it.

`make run` and the test fixtures start the provider on 127.0.0.1; `dev_token` signs a dev account in
through the provider's real flow (authorization code with PKCE, posting the dev login form), as a
browser frontend would, and `system_token` uses client credentials, as another system would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx

from shared.devstack.processes import spawn, stop, wait_for_port
from shared.devstack.services import repository_root

DEV_CLIENT = "hub-frontend"
DEV_REDIRECT = "http://127.0.0.1:8765/callback"  # never listened on: the code is read off the redirect


def dev_accounts() -> dict:  # type: ignore[type-arg]  # the accounts file's JSON, as the identity provider reads it
    return json.loads((identity_dir() / "dev-accounts.json").read_text())


def identity_dir() -> Path:
    return repository_root() / "deploy" / "identity"


@dataclass
class IdentityProvider:
    port: int
    data_dir: Path
    log: Path | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> IdentityProvider:
        env = {**os.environ, "HUB_IDENTITY_PORT": str(self.port), "HUB_IDENTITY_DATA": str(self.data_dir)}
        self.process = spawn(["node", str(identity_dir() / "server.mjs")], log=self.log, env=env, cwd=identity_dir())
        wait_for_port(self.port, self.process, timeout, "the identity provider")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str | None
    expires_in: int


def dev_token(issuer: str, account: str, password: str | None = None) -> Tokens:
    """Signs `account` in with the authorization code flow and PKCE, posting the dev login form."""
    if account == "system":
        return system_token(issuer)
    password = password if password is not None else dev_accounts()["password"]
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    with httpx.Client(timeout=10, follow_redirects=False) as http:
        metadata = http.get(f"{issuer}/.well-known/openid-configuration").json()
        state = secrets.token_urlsafe(16)
        response = http.get(
            metadata["authorization_endpoint"],
            params={
                "client_id": DEV_CLIENT,
                "response_type": "code",
                "redirect_uri": DEV_REDIRECT,
                "scope": "openid offline_access",
                "code_challenge": challenge,
                "code_challenge_method": "S256",
                "state": state,
            },
        )
        location = _follow(http, response, until=f"{issuer}/interaction/")
        login = http.post(f"{location}/login", data={"login": account, "password": password})
        if login.status_code == 401:
            raise PermissionError(f"the identity provider refused account {account!r}")
        callback = _follow(http, login, until=DEV_REDIRECT)
        query = parse_qs(urlsplit(callback).query)
        if query.get("state") != [state] or "code" not in query:
            raise RuntimeError(f"the identity provider did not return a code: {callback}")
        tokens = http.post(
            metadata["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "code": query["code"][0],
                "redirect_uri": DEV_REDIRECT,
                "client_id": DEV_CLIENT,
                "code_verifier": verifier,
            },
        )
        tokens.raise_for_status()
        body = tokens.json()
    return Tokens(body["access_token"], body.get("refresh_token"), int(body["expires_in"]))


def refresh(issuer: str, refresh_token: str) -> Tokens:
    with httpx.Client(timeout=10) as http:
        metadata = http.get(f"{issuer}/.well-known/openid-configuration").json()
        response = http.post(
            metadata["token_endpoint"],
            data={"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": DEV_CLIENT},
        )
        response.raise_for_status()
        body = response.json()
    return Tokens(body["access_token"], body.get("refresh_token"), int(body["expires_in"]))


def system_token(issuer: str) -> Tokens:
    client = next(c for c in dev_accounts()["clients"] if c["client_id"] == "system")
    with httpx.Client(timeout=10) as http:
        metadata = http.get(f"{issuer}/.well-known/openid-configuration").json()
        response = http.post(
            metadata["token_endpoint"],
            data={"grant_type": "client_credentials", "scope": "hub"},
            auth=(client["client_id"], client["client_secret"]),
        )
        response.raise_for_status()
        body = response.json()
    return Tokens(body["access_token"], None, int(body["expires_in"]))


def _follow(http: httpx.Client, response: httpx.Response, until: str) -> str:
    """Follows the provider's redirects (keeping its cookies) until one leads to `until`."""
    for _ in range(10):
        if response.status_code not in (302, 303):
            raise RuntimeError(f"the identity provider answered {response.status_code}: {response.text[:300]}")
        location = urljoin(str(response.url), response.headers["location"])
        if location.startswith(until):
            return location
        response = http.get(location)
    raise RuntimeError("the identity provider redirected too often")
