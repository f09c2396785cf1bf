"""`make reset` starts again from empty databases, after asking, and never under a running `make run`."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from shared.devstack.services import repository_root


def _reset(workdir: Path, answer: str = "", *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "reset", *args], cwd=workdir, input=answer, capture_output=True, text=True
    )


def test_make_reset_deletes_the_local_data_after_asking(tmp_path: Path) -> None:
    shutil.copy(repository_root() / "Makefile", tmp_path / "Makefile")
    (tmp_path / ".data" / "logs").mkdir(parents=True)
    kept = _reset(tmp_path, "n\n")
    assert kept.returncode == 0 and "kept .data/" in kept.stdout and (tmp_path / ".data").exists()
    deleted = _reset(tmp_path, "y\n")
    assert deleted.returncode == 0 and not (tmp_path / ".data").exists()
    (tmp_path / ".data").mkdir()
    assert _reset(tmp_path, "", "YES=1").returncode == 0 and not (tmp_path / ".data").exists()


def test_make_reset_refuses_while_make_run_uses_the_data(tmp_path: Path) -> None:
    shutil.copy(repository_root() / "Makefile", tmp_path / "Makefile")
    pid_file = tmp_path / ".data" / "postgres" / "data" / "postmaster.pid"
    pid_file.parent.mkdir(parents=True)
    pid_file.write_text(f"{os.getpid()}\n")  # a live process holds it, as PostgreSQL does under make run
    refused = _reset(tmp_path, "", "YES=1")
    assert refused.returncode != 0 and "stop it first" in refused.stdout and pid_file.exists()
