"""Precision and recall of the stance suggester per position, and what matching costs.

    python bench/suggest.py [--errors] [--no-scaling]

Prints, for the existing labelled set (tests/suggest/data/evaluation.json),
the held-out set (heldout.json) and both together: precision and recall per
position and overall, and how many right suggestions carry the labelled date.
Then the per-article matching time with 3, 300 and 3,000 active claims.

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


def evaluation() -> None:
    from django.db import transaction

    from claims.suggest.evaluation import evaluation_reports

    started = time.perf_counter()
    with transaction.atomic():
        reports = evaluation_reports()
        transaction.set_rollback(True)
    elapsed = time.perf_counter() - started
    for name, report in reports.items():
        print(
            f"\n== {name}: {report.sentences} sentences ({report.labelled} with labels, "
            f"{len(report.gold)} labels)\n"
        )
        print(report.table())
        print(
            f"\ndate accuracy {report.date_accuracy:.2f}: stated_on and precision right for "
            f"{report.dates_right} of {report.dates_checked} right suggestions with a labelled date"
        )
        if "--errors" in sys.argv and name != "combined":
            print("\n" + "\n".join(report.errors() + report.date_errors))
    print(f"\n(all sets in {elapsed:.1f} s)")


def main() -> int:
    import django

    django.setup()
    from django.test.utils import setup_databases, teardown_databases

    old = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        evaluation()
    finally:
        teardown_databases(old, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
