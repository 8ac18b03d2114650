"""`python3 manage.py …` as the README prints it: no DATABASE_URL, no SECRET_KEY, a fresh var/.

The command starts the embedded servers, migrates the new database, does its work, and
stops what it started; the development secret it made stays in var/secret_key.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.leftovers import checkout_processes

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def manage(var: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "SECRET_KEY", "DEBUG"}
    }
    env["FACTCHECK_VAR_DIR"] = str(var)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_load_demo_and_a_token_work_on_a_fresh_database_and_leave_nothing_running(tmp_path):
    var = tmp_path / "var"

    loaded = manage(var, "load_demo")
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert "Demo data loaded" in loaded.stdout

    token = manage(var, "drf_create_token", "reviewer")
    assert token.returncode == 0, token.stderr[-2000:]
    assert token.stdout.startswith("Generated token ")

    assert (var / "secret_key").stat().st_mode & 0o777 == 0o600
    assert checkout_processes(var) == []
