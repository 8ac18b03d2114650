"""Precision and recall of the stance suggester per position, and what matching costs.

    python bench/suggest.py [--errors] [--no-scaling] [--scaling-only]

Prints, for the existing labelled set (tests/suggest/data/evaluation.json),
the held-out set (heldout.json), both together, and the fresh check set
(fresh.json, written after the rules were worked on): precision and recall per
position and overall, and how many right suggestions carry the labelled date.
Then the per-article matching time with 3, 300, 3,000 and 10,000 active claims,
and the suggestion time per 2,000-word article with 300 claims. --scaling-only
measures just these two (no precision and recall, no real news).

Then the real news (bench/realnews/, texts in var/realnews/ when present): per
family and per position, for the development families and the held-out ones,
beside the held-out figures measured first, before any rule was tuned
(bench/realnews/first-measurement.json). Each excerpt goes through the real
tasks as pasted text (Celery in-process). The fresh families ("split":
"fresh") were collected and labelled after the rules were worked on, without
running the suggester, and are measured once, like the held-out ones.
--realnews only measures the real news; --split dev|heldout|fresh one split;
--errors lists misses and false alarms (development families only: the
held-out and fresh ones are not looked into).

Runs in a throwaway test database (created and dropped here) on the
configured PostgreSQL (DATABASE_URL, else the embedded one).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
# The real-news measurement runs the ingestion and suggestion tasks in this process.
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "1")
FIRST = Path(__file__).resolve().parent / "realnews" / "first-measurement.json"


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


def _option(name: str) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else None


def realnews() -> None:
    """Precision and recall on the real news families whose texts are present."""
    import json

    from tests.suggest.realnews import families, family_run

    wanted = _option("--split")
    first = json.loads(FIRST.read_text("utf-8")) if FIRST.exists() else {}
    for split in ("dev", "heldout", "fresh"):
        if wanted not in (None, split):
            continue
        chosen = families(split)
        reports = []
        started = time.perf_counter()
        for family in chosen:
            report = family_run(family)
            if report.items == 0:
                continue
            reports.append(report)
            print(
                f"\n== real news, {split}: {report.family} ({report.items} excerpts, "
                f"{len(report.gold)} labels; {report.missing_texts} texts missing)\n"
            )
            print(report.table())
            if "--errors" in sys.argv and split == "dev":
                print("\n" + "\n".join(report.errors()))
        if not reports:
            print(f"\n== real news, {split}: no texts in var/realnews/ (see bench/realnews/)")
            continue
        total = reports[0]
        for report in reports[1:]:
            total = total.merged(report, f"all {split} families")
        print(
            f"\n== real news, {split}, all families ({total.items} excerpts, {len(total.gold)} "
            f"labels, {time.perf_counter() - started:.1f} s)\n"
        )
        print(total.table())
        if split in first:
            print(f"\nfirst measurement ({first[split]['when']}, before tuning):")
            for name, figures in first[split]["families"].items():
                print(f"  {name:<28} precision {figures[0]:.2f}  recall {figures[1]:.2f}")


SCALES = (3, 300, 3000, 10000)
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


ARTICLE_WORDS = 2_000
SPEED_CLAIMS = 300
SPEED_RUNS = 20


def speed() -> None:
    """Per-article suggestion time (p50, p95) for 2,000-word articles with 300 active claims,
    and this process's peak RSS, as a worker's would be (the same code, in-process).

    The articles are the seed stories (claims/demo/seeds/) strung together, each run
    starting from a different one, so every run reads 2,000 words of real news.
    """
    import datetime as dt
    import resource

    from django.db import transaction

    from claims.suggest.service import article_proposals
    from sources.models import Article
    from tests.suggest.evaluation import evaluation_load, evaluation_setup

    seeds = sorted((ROOT / "claims" / "demo" / "seeds").glob("*.txt"))
    words = [w for path in seeds for w in path.read_text("utf-8").split(" ")]
    with transaction.atomic():
        data = evaluation_load()
        evaluation_setup(data)
        extra_claims(len(data["claims"]), SPEED_CLAIMS)
        times = []
        for run in range(SPEED_RUNS):
            start = (run * len(words) // SPEED_RUNS) % len(words)
            text = " ".join((words[start:] + words)[:ARTICLE_WORDS])
            article = Article.objects.create(
                title=f"speed {run}", text=text, published_on=dt.date(2024, 9, 13),
                origin=Article.Origin.PASTE,
            )  # fmt: skip
            article_proposals(article)  # compiles the claims' queries on the first run
            started = time.perf_counter()
            article_proposals(article)
            times.append(time.perf_counter() - started)
        transaction.set_rollback(True)
    times.sort()
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95) - 1]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\n== suggestion time per article ({ARTICLE_WORDS:,} words, {SPEED_CLAIMS} active claims, "
        f"{SPEED_RUNS} runs)\n\np50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms; "
        f"peak RSS of this process {rss:.0f} MB"
    )


def main() -> int:
    import django

    django.setup()
    from django.test.utils import setup_databases, teardown_databases

    old = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        if "--scaling-only" in sys.argv:
            scaling()
            speed()
            return 0
        if "--realnews" not in sys.argv:
            evaluation()
        realnews()
        if "--no-scaling" not in sys.argv and "--realnews" not in sys.argv:
            scaling()
            speed()
    finally:
        teardown_databases(old, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
