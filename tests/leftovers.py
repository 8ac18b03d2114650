"""Processes of this checkout still running: `python -m tests.leftovers [--wait SECONDS]`.

A process belongs to the checkout when its executable, working folder or
command line lies inside it (the embedded PostgreSQL and Redis run from
.venv with their data in var/, workers and Chromium start in the checkout).
Prints each one and exits 1 if any is left; this process and its ancestors
(the shell that runs the check) do not count. .ci/run calls it after a
passing `make test` and after one interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


def checkout_processes(root: Path = REPO) -> list[psutil.Process]:
    me = psutil.Process()
    spared = {me.pid, *(p.pid for p in me.parents())}
    found = []
    for proc in psutil.process_iter(["pid", "exe", "cwd", "cmdline"]):
        if proc.info["pid"] in spared:
            continue
        places = [proc.info["exe"] or "", proc.info["cwd"] or "", *(proc.info["cmdline"] or [])]
        if any(str(root) in place for place in places):
            found.append(proc)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wait", type=float, default=15, help="seconds for stragglers to exit")
    args = parser.parse_args()
    deadline = time.monotonic() + args.wait
    while (left := checkout_processes()) and time.monotonic() < deadline:
        time.sleep(0.5)
    for proc in left:
        try:
            print(f"left running: pid {proc.pid}: {' '.join(proc.cmdline())}")
        except psutil.Error:
            continue
    if left:
        return 1
    print(f"no process of {REPO} is left running")
    return 0


if __name__ == "__main__":
    sys.exit(main())
