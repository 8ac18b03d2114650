"""Render the claim page server-side for a claim with 5,000 stances from 30 sources.

Prints p50/p95 over a few runs of the whole request (timeline query, SVG
chart, table page, template), cold (nothing kept) and warm (the timeline and
chart kept by claim version, claims/web/claim_cache.py), the query count, the
page size, and what the chart drew. The data is made inside a transaction that is rolled back, so the
database is left as it was.

    DATABASE_URL=postgresql://... .venv/bin/python bench/web.py [--stances 5000] [--sources 30] [--runs 9]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from claims.models import Claim, Stance  # noqa: E402
from claims.timeline import claim_timeline  # noqa: E402
from claims.web import claim_cache  # noqa: E402
from claims.web.chart import render_chart  # noqa: E402
from sources.models import Article, Outlet, Source, SourceAlias  # noqa: E402

POSITIONS = ["asserts", "denies", "hedges", "no_comment"]
ARTICLES = 200
SENTENCES_PER_ARTICLE = 40  # about 4,000 characters of text each, like a news story


def sentence(n: int) -> str:
    return (
        f"Officials in capital number {n} said on the record that the shipments of shells "
        f"and missiles continued through the winter months."
    )


def build(stances: int, sources: int, seed: int = 7) -> Claim:
    rng = random.Random(seed)
    # Names unique to this run, so the bench never collides with rows already there.
    tag = uuid.uuid4().hex[:8]
    outlets = [Outlet.objects.create(name=f"Bench outlet {n} {tag}") for n in range(10)]
    articles = []
    for n in range(ARTICLES):
        parts = [sentence(n * SENTENCES_PER_ARTICLE + k) for k in range(SENTENCES_PER_ARTICLE)]
        text = " ".join(parts)
        offsets, at = [], 0
        for part in parts:
            offsets.append((at, part))
            at += len(part) + 1
        article = Article.objects.create(
            url=f"https://bench.example/{tag}/{n}",
            canonical_url=f"https://bench.example/{tag}/{n}",
            outlet=outlets[n % len(outlets)],
            title=f"Bench story {n}",
            text=text,
            published_on=dt.date(2022, 1, 1) + dt.timedelta(days=n * 5),
        )
        articles.append((article, offsets))
    people = []
    for n in range(sources):
        source = Source.objects.create(
            name=f"Bench source {n:02d} {tag}", slug=f"bench-{n}-{tag}", kind="government"
        )
        SourceAlias.objects.create(source=source, alias=f"bench alias {n} {tag}")
        people.append(source)
    claim = Claim.objects.create(
        text="Bench claim with thousands of statements", slug=f"bench-claim-{tag}"
    )
    # Each source holds a position for a while and now and then changes it, as sources do:
    # positions are given in date order, with a small chance of a change at each statement.
    drawn = []
    used = set()
    while len(drawn) < stances:
        person = rng.choice(people)
        article, offsets = rng.choice(articles)
        start, exact = rng.choice(offsets)
        if (person.pk, article.pk, start) in used:
            continue
        used.add((person.pk, article.pk, start))
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        drawn.append((day, person, article, start, exact))
    drawn.sort(key=lambda d: d[0])
    held = {p.pk: rng.choice(POSITIONS) for p in people}
    rows = []
    for day, person, article, start, exact in drawn:
        if rng.random() < 0.03:
            held[person.pk] = rng.choice([p for p in POSITIONS if p != held[person.pk]])
        rows.append(
            Stance(
                claim=claim,
                source=person,
                article=article,
                position=held[person.pk],
                stated_on=day,
                stated_on_precision=rng.choice(["day"] * 8 + ["month"]),
                quote_exact=exact,
                quote_start=start,
                quote_end=start + len(exact),
                status="confirmed",
                reviewed_at=dt.datetime.now(dt.UTC),
            )
        )
    Stance.objects.bulk_create(rows, batch_size=1000)
    return claim


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(runs: int, call) -> list[float]:
    out = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        out.append((time.perf_counter() - began) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stances", type=int, default=5000)
    parser.add_argument("--sources", type=int, default=30)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # On a fresh machine the database has no tables yet (make run migrates it too).
    call_command("migrate", verbosity=0)

    with transaction.atomic():
        began = time.perf_counter()
        claim = build(args.stances, args.sources)
        built = time.perf_counter() - began
        user = User.objects.create_user(f"bench-reader-{claim.slug}", password="bench-only-pw")
        user.groups.add(Group.objects.get(name="Reviewers"))
        client = Client()
        client.force_login(user)
        url = f"/claims/{claim.slug}/"

        client.get(url)  # warm up: template loading, first-use imports
        queries: list[str] = []

        def count(execute, sql, params, many, context):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        page = response.content.decode()

        # A page is kept only once its latest change is 2 s old (claims/web/claim_cache.py).
        time.sleep(2.5)

        def fetch(query: str = "") -> None:
            assert client.get(url + query).status_code == 200

        def fetch_cold(query: str = "") -> None:
            claim_cache.kept.clear()  # nothing kept: the timeline and chart computed
            fetch(query)

        page_ms = timed(args.runs, fetch_cold)
        fetch()
        assert claim_cache.kept._items, "the claim page kept nothing"
        warm_ms = timed(args.runs, fetch)
        speaker_ms = timed(args.runs, lambda: fetch_cold("?lanes=speaker"))
        filtered_ms = timed(args.runs, lambda: fetch_cold("?position=denies&date_from=2023-01-01"))
        filtered_warm_ms = timed(args.runs, lambda: fetch("?position=denies&date_from=2023-01-01"))
        timeline_ms = timed(args.runs, lambda: claim_timeline(claim=claim))
        timeline = claim_timeline(claim=claim)
        chart_ms = timed(
            args.runs,
            lambda: render_chart(
                timeline, stance_href=lambda s: f"#{s.id}", group_href=lambda *a: "#"
            ),
        )
        chart = render_chart(timeline, stance_href=lambda s: f"#{s.id}", group_href=lambda *a: "#")
        transaction.set_rollback(True)

    def line(label: str, values: list[float]) -> str:
        return (
            f"  {label:<34} p50 {statistics.median(values):7.1f} ms   "
            f"p95 {percentile(values, 0.95):7.1f} ms"
        )

    print(
        f"claim page, {args.stances} stances from {args.sources} sources "
        f"({len(timeline.lanes)} lanes), {args.runs} runs each (data built in {built:.1f} s)"
    )
    print(line("whole page (GET, by source), cold", page_ms))
    print(line("whole page (GET, by source), warm", warm_ms))
    print(line("whole page (GET, by speaker), cold", speaker_ms))
    print(line("whole page (GET, table filtered), cold", filtered_ms))
    print(line("whole page (GET, table filtered), warm", filtered_warm_ms))
    print(line("  of which claim_timeline()", timeline_ms))
    print(line("  of which the SVG chart", chart_ms))
    print(f"  queries per page: {len(queries)}")
    chart_kib = (len(chart.lanes_svg) + len(chart.axis_svg)) / 1024 if chart else 0
    print(f"  page size: {len(page) / 1024:.0f} KiB, of which the chart {chart_kib:.0f} KiB")
    assert chart is not None
    print(
        f"  chart: {chart.mark_count} single marks, {chart.aggregate_count} aggregate marks, "
        f"{len(timeline.changes)} position changes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
