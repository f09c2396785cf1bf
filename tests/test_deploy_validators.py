"""The validators an operator runs on our deploy files, pinned in deploy/checks-requirements.txt and installed
by make into .venv-checks: kubernetes-validate (schemas of Kubernetes 1.37), checkov (its Kubernetes policies;
the skips are annotated where they apply, with their reason), hadolint (the Dockerfiles) and the compose file
against the compose-spec JSON schema (no Docker engine runs here, so `docker compose config` cannot)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / ".venv-checks" / "bin"
MANIFESTS = sorted(str(p) for p in (ROOT / "deploy" / "k8s").glob("*.yaml"))


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    if not (TOOLS / command[0]).exists():
        pytest.fail(f"{TOOLS / command[0]} is missing: make test (or make install) installs the validators")
    return subprocess.run(
        [str(TOOLS / command[0]), *command[1:]], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


def test_the_kubernetes_manifests_are_valid_kubernetes() -> None:
    result = _run("kubernetes-validate", "--strict", "--quiet", *MANIFESTS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_checkov_finds_nothing_in_the_kubernetes_manifests() -> None:
    result = _run("checkov", "-d", "deploy/k8s", "--framework", "kubernetes", "--quiet", "--compact")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_hadolint_finds_nothing_in_the_dockerfiles() -> None:
    result = _run("hadolint", "deploy/service.Dockerfile", "deploy/gateway.Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_compose_file_follows_the_compose_specification() -> None:
    result = _run("check-jsonschema", "--builtin-schema", "vendor.compose-spec", "docker-compose.yml")
    assert result.returncode == 0, result.stdout + result.stderr
