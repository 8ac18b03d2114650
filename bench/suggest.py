"""Precision and recall of the stance suggester per position, and what matching costs.

    python bench/suggest.py [--errors] [--no-scaling]

Prints, for the existing labelled set (tests/suggest/data/evaluation.json),
the held-out set (heldout.json), both together, and the fresh check set
(fresh.json, written after the rules were worked on): precision and recall per
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

    from tests.suggest.evaluation import evaluation_reports

    started = time.perf_counter()
    with transaction.atomic():
        reports = evaluation_reports(fresh=True)
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


SCALES = (3, 300, 3000)
ACTORS = ["North Korea", "Russia", "Ukraine", "South Korea", "the United States", "Moscow"]
GOODS = ["grain", "oil", "coal", "fertiliser", "drones", "tanks", "loans", "satellites"]


def extra_claims(start: int, stop: int) -> list:
    """Claims unlike the evaluation's but naming the same actors (so aliases are looked up)."""
    from claims.models import Claim

    claims = []
    for n in range(start, stop):
        giver, taker = ACTORS[n % len(ACTORS)], ACTORS[(n // len(ACTORS) + 1) % len(ACTORS)]
        good = GOODS[n % len(GOODS)]
        claims.append(
            Claim(
                slug=f"bench-claim-{n}",
                text=f"{giver} sells {good} batch {n} to {taker} for export market {n}",
                search_terms=[f"{good}{n}", f"batch{n}"],
            )
        )
    return Claim.objects.bulk_create(claims)


def scaling() -> None:
    """Per-article matching time (which claims, which sentences) with more and more claims.

    Claims are compiled once when they are added (timed apart); matching an
    article then reads the stored queries.
    """
    from django.db import transaction

    from claims.suggest.matching import article_matches, claims_compile
    from claims.suggest.sentences import split_sentences
    from tests.suggest.evaluation import _article, evaluation_load, evaluation_setup

    data = evaluation_load()
    with transaction.atomic():
        evaluation_setup(data)
        articles = [_article(d)[0] for d in data["documents"]]
        print(f"\n== matching cost per article ({len(articles)} articles, mean)\n")
        have = len(data["claims"])
        for scale in SCALES:
            extra_claims(have, scale)
            have = scale
            started = time.perf_counter()
            compiled = claims_compile()
            compiling = time.perf_counter() - started
            started = time.perf_counter()
            for article in articles:
                article_matches(
                    article_id=article.pk,
                    sentences=[s.text for s in split_sentences(article.text)],
                )
            per_article = (time.perf_counter() - started) / len(articles)
            print(
                f"{scale:>6} active claims: {per_article * 1000:8.1f} ms per article "
                f"(once: {compiled} claims compiled in {compiling * 1000:.0f} ms)"
            )
        transaction.set_rollback(True)


def main() -> int:
    import django

    django.setup()
    from django.test.utils import setup_databases, teardown_databases

    old = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        evaluation()
        if "--no-scaling" not in sys.argv:
            scaling()
    finally:
        teardown_databases(old, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
