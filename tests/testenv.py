"""Loaded first (pytest -p tests.testenv): what the run needs before Django's settings load,
and the promise that it leaves nothing behind.

The suite's embedded PostgreSQL and Redis live in var/test/, apart from the
workbench a person may have running with `make run` (var/): a test never
joins that database, nor lets `make run`'s worker take tasks off its queues.
Whatever the run started (the embedded servers, Celery workers, web servers,
Chromium) is stopped when it ends, whether it passed, failed or was
interrupted with Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

import psutil
import pytest

from factcheck import embedded

REPO = Path(__file__).resolve().parents[1]
# How long the run's own child processes get to stop before they are killed.
CHILD_STOP_SECONDS = 10

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("FACTCHECK_VAR_DIR", str(REPO / "var" / "test"))


def _interrupt(signum: int, frame: object) -> None:
    # SIGTERM (a CI timeout, `kill`) ends the run as Ctrl-C does: teardowns run.
    raise KeyboardInterrupt


def pytest_configure(config: pytest.Config) -> None:
    signal.signal(signal.SIGTERM, _interrupt)


def stop_children() -> None:
    """Terminate, then kill, every process this one started that is still running."""
    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=CHILD_STOP_SECONDS)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    psutil.wait_procs(alive, timeout=CHILD_STOP_SECONDS)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    stop_children()
    embedded.shutdown()
