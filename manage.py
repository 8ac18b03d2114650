#!/usr/bin/env python3
"""Django's command-line utility for administrative tasks.

Run it with any Python 3.11+: if this interpreter lacks the project's packages
(a fresh clone, no virtualenv activated), it sets up ``.venv`` the way ``make``
does, the first time only, and runs itself again with ``.venv/bin/python``.
With no DATABASE_URL it joins the embedded PostgreSQL and Redis that
``make run`` keeps in var/, or starts them for the length of the command.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

BASE_DIR = Path(__file__).resolve().parent
VENV_PYTHON = BASE_DIR / ".venv" / "bin" / "python"


def run_in_venv() -> NoReturn:
    """Re-run this command with the project's virtualenv (made by `make install` if missing)."""
    if os.environ.get("FACTCHECK_IN_VENV") == "1" or Path(sys.prefix) == VENV_PYTHON.parents[1]:
        sys.exit("Django is not installed in .venv. Run `make install` (or `make clean install`).")
    if not VENV_PYTHON.exists() or not (BASE_DIR / ".venv" / ".installed").exists():
        print("Setting up .venv with `make install` (first run only)…", file=sys.stderr)
        subprocess.run(["make", "--no-print-directory", "install"], cwd=BASE_DIR, check=True)
    env = {**os.environ, "FACTCHECK_IN_VENV": "1"}
    os.execve(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv], env)  # noqa: S606 - our venv


# Commands that are about migrations themselves, or need no database.
NOT_MIGRATING = {
    "migrate", "makemigrations", "showmigrations", "sqlmigrate", "squashmigrations",
    "help", "version", "check", "collectstatic", "--help", "-h", "--version",
}  # fmt: skip


def migrate_development_database() -> None:
    """The embedded development database is brought up to date first, as `make run` does:
    a command run in a fresh clone finds the tables it needs."""
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    django.setup()
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Migrating the embedded development database…", file=sys.stderr)
        call_command("migrate", "--noinput", verbosity=0)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    try:
        from django.core.management import execute_from_command_line
    except ImportError:
        run_in_venv()
    if not os.environ.get("DATABASE_URL") and sys.argv[1:2] and sys.argv[1] not in NOT_MIGRATING:
        migrate_development_database()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
