"""The README's ten-line webhook receiver, run as it is printed there (tests only)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_receiver_code() -> str:
    """The Python block that follows the README's "receiver.py" heading line."""
    text = README.read_text()
    found = re.search(r"<!-- webhook receiver -->\s*```python\n(.*?)```", text, re.S)
    assert found, "the README has no webhook receiver block"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(secret: str, log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", readme_receiver_code()],
        env={**os.environ, "WEBHOOK_SECRET": secret, "PORT": str(port)},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"the README's receiver did not listen: {log.read_text()}")
