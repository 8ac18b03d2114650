"""Precision and recall of the stance suggester on the labelled set, per position.

    python bench/suggest.py [--errors] [path/to/evaluation.json]

Runs in a throwaway test database (created and dropped here) on the
configured PostgreSQL (DATABASE_URL, else the embedded one).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")


def main() -> int:
    import django

    django.setup()
    from django.db import transaction
    from django.test.utils import setup_databases, teardown_databases

    from claims.suggest.evaluation import DEFAULT_SET, evaluation_load, evaluation_run

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = evaluation_load(Path(args[0]) if args else DEFAULT_SET)
    old = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        started = time.perf_counter()
        with transaction.atomic():
            report = evaluation_run(data)
            transaction.set_rollback(True)
        elapsed = time.perf_counter() - started
    finally:
        teardown_databases(old, verbosity=0)
    print(
        f"Stance suggestions on {report.sentences} sentences "
        f"({report.labelled} with labels, {len(report.gold)} labels), "
        f"{len(data['documents'])} articles in {elapsed:.1f} s\n"
    )
    print(report.table())
    if report.dates_checked:
        print(
            f"\nstated_on right (date and precision) for {report.dates_right} of "
            f"{report.dates_checked} correct suggestions with a labelled date"
        )
    if "--errors" in sys.argv:
        print("\n" + "\n".join(report.errors() + report.date_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
