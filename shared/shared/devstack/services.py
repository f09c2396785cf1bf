"""The services of the system as the development stack and the tests start them."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    port: int

    @property
    def prefix(self) -> str:
        return f"{self.name.upper()}_"

    def env(self, database_url: str, bootstrap: str, port: int | None = None, **extra: str) -> dict[str, str]:
        env = {
            **os.environ,
            f"{self.prefix}DATABASE_URL": database_url,
            f"{self.prefix}PORT": str(port or self.port),
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            "PYTHONUNBUFFERED": "1",
        }
        env.update({f"{self.prefix}{key.upper()}": value for key, value in extra.items()})
        return env

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", self.name, *args]


SERVICES = (ServiceSpec("menu", 8001), ServiceSpec("programmes", 8002), ServiceSpec("capacity", 8003))
# Seed stages across services, in the order their data depends on each other: the menu names
# partners programmes registers; programmes plans the menu's activities (done where partners attended
# them); capacity needs both.
SEED_ORDER = (
    ("programmes", "partners"),
    ("programmes", "platform"),
    ("menu", "providers"),
    ("menu", "catalogue"),
    ("menu", "exercises"),
    ("menu", "participation"),
    ("programmes", "programmes"),
    ("capacity", "requests"),
    ("capacity", "assistance"),
    ("capacity", "trust-funds"),
    ("capacity", "sps"),
)


def repository_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "gateway" / "package.json").exists() and (parent / "services").is_dir():
            return parent
    raise RuntimeError("cannot find the repository root (a folder with gateway/ and services/)")


def export_sdl(spec: ServiceSpec, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{spec.name}.graphql"
    sdl = subprocess.run(spec.command("sdl"), check=True, capture_output=True, text=True).stdout
    path.write_text(sdl)
    return path


def compose_supergraph(subgraphs: list[tuple[str, str, Path]], out: Path, public: Path | None = None) -> Path:
    """Compose with @theguild/federation-composition; raises with its messages on any error. `public`: where
    to write the schema clients see, too."""
    root = repository_root()
    args = ["node", str(root / "gateway" / "compose.mjs")] + [f"{n}={u}={p}" for n, u, p in subgraphs]
    env = {**os.environ, "SUPERGRAPH_PATH": str(out), **({"PUBLIC_SCHEMA_PATH": str(public)} if public else {})}
    result = subprocess.run(args, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"supergraph composition failed:\n{result.stderr}{result.stdout}")
    return out


def gateway_command(supergraph: Path, port: int) -> list[str]:
    gateway = repository_root() / "gateway"
    return [
        str(gateway / "node_modules" / ".bin" / "hive-gateway"),
        "supergraph",
        str(supergraph),
        "-c",
        str(gateway / "gateway.config.ts"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
