"""Bench: the claim history endpoint over a large database, next to one raw SQL query.

Seeds 1,000 claims, 200 sources and 1,000,000 stances (COPY, with the quote
trigger and the audit triggers on: every quote really is its article's text)
into a database of its own, created and dropped by this script, on the
server of DATABASE_URL (the embedded PostgreSQL when unset). Then times
GET /api/v1/claims/{slug}/history/ for a claim with 5,000 stances (in
process, through the whole Django/DRF stack with token auth) and prints
p50/p95 next to the same rows fetched with one raw SQL query: cold (nothing
kept: rendered), warm (unchanged since the last request: the kept bytes), the
304 of If-None-Match, as_of cold and warm, and the ratios of p95 cold / raw SQL
and warm / 304.

    .venv/bin/python bench/api.py [--stances 1000000] [--runs 30] [--keep | --reuse NAME]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CLAIMS = 1_000
SOURCES = 200
TOP_LEVEL_SOURCES = 40  # the other 160 speak for one of these (lanes group them)
ARTICLES = 500
SENTENCES = 40  # per article; each stance quotes one of them
TARGET_STANCES = 5_000
COPY_BATCH = 10_000  # rows per COPY and transaction
PROGRESS_EVERY = 100_000

POSITIONS = ["asserts", "denies", "hedges", "no_comment"]


def article_sentences(article: int) -> list[str]:
    return [
        f"Official number {k} of source group {(article * 7 + k) % 97} said on record that "
        f"the report {article}-{k} about shipments to the front was {POSITIONS[k % 4]}."
        for k in range(SENTENCES)
    ]


def article_text(article: int) -> tuple[str, list[tuple[int, int]]]:
    """The text and where each sentence stands in it (character offsets)."""
    sentences, spans, at = article_sentences(article), [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return " ".join(sentences), spans


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return url
    from factcheck import embedded

    return embedded.postgres_url()


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def percentile(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def timed(fn: Callable[[], object], runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def seed(total_stances: int, log: Callable[[str], None]) -> tuple[str, str]:
    """Fill the bench database; returns (the target claim's slug, an editor token)."""
    import psycopg
    from django.contrib.auth.models import User
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from claims.models import Claim
    from claims.services import CONTEXT_CHARS
    from sources.models import Article, Outlet, Source, content_hash

    rng = random.Random(20250321)
    user = User.objects.create(username="bench", is_superuser=True, is_staff=True)
    token = Token.objects.create(user=user).key

    tops = Source.objects.bulk_create(
        Source(name=f"Government {i}", slug=f"government-{i}", kind="government")
        for i in range(TOP_LEVEL_SOURCES)
    )
    children = Source.objects.bulk_create(
        Source(
            name=f"Official {i}",
            slug=f"official-{i}",
            kind="official",
            parent=tops[i % TOP_LEVEL_SOURCES],
        )
        for i in range(SOURCES - TOP_LEVEL_SOURCES)
    )
    source_ids = [s.pk for s in [*tops, *children]]
    outlets = Outlet.objects.bulk_create(Outlet(name=f"Outlet {i}") for i in range(20))
    texts = [article_text(a) for a in range(ARTICLES)]
    articles = Article.objects.bulk_create(
        Article(
            url=f"https://news.example.org/{a}",
            canonical_url=f"https://news.example.org/{a}",
            outlet=outlets[a % len(outlets)],
            title=f"Report {a}",
            published_on=dt.date(2020, 1, 1) + dt.timedelta(days=a * 3),
            text=text,
            content_hash=content_hash(text),
            language="en",
        )
        for a, (text, _spans) in enumerate(texts)
    )
    article_ids = [a.pk for a in articles]
    claims = Claim.objects.bulk_create(
        Claim(slug=f"claim-{c}", text=f"Claim number {c} about shipments to the front")
        for c in range(CLAIMS)
    )
    log(f"seeded {CLAIMS} claims, {SOURCES} sources, {ARTICLES} articles")

    others = total_stances - TARGET_STANCES
    per_claim = [TARGET_STANCES] + [
        others // (CLAIMS - 1) + (1 if c < others % (CLAIMS - 1) else 0) for c in range(CLAIMS - 1)
    ]
    now = timezone.now()
    start_day = dt.date(2020, 1, 1)

    def rows() -> Iterator[tuple]:
        for c, claim in enumerate(claims):
            for j in range(per_claim[c]):
                # (source, article, sentence) is distinct for every j < 4,000,000, so the
                # unique evidence constraint holds; the claim offset spreads the articles.
                a = ((j // SOURCES) + c * 37) % ARTICLES
                k = (j // (SOURCES * ARTICLES)) % SENTENCES
                text, spans = texts[a]
                start, end = spans[k]
                confirmed = c == 0 or rng.random() < 0.9
                yield (
                    claim.pk,
                    source_ids[j % SOURCES],
                    rng.choice(POSITIONS),
                    start_day + dt.timedelta(days=rng.randrange(2000)),
                    "day",
                    article_ids[a],
                    text[start:end],
                    text[max(0, start - CONTEXT_CHARS) : start],
                    text[end : end + CONTEXT_CHARS],
                    start,
                    end,
                    "",
                    "confirmed" if confirmed else "suggested",
                    "{}",
                    "",
                    "",
                    now if confirmed else None,
                    1,
                    now,
                    now,
                )

    columns = (
        "claim_id, source_id, position, stated_on, stated_on_precision, article_id, "
        "quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, attributed_via, "
        "status, evidence, note, reject_reason, reviewed_at, version, created_at, updated_at"
    )
    started = time.perf_counter()
    with (
        # The URL, not settings_dict: the embedded server's socket directory sits in
        # OPTIONS there, and a connection without it would reach another server.
        psycopg.connect(os.environ["DATABASE_URL"]) as raw,
        raw.cursor() as cursor,
    ):
        source_rows = rows()
        copied = 0
        while copied < total_stances:
            # One transaction per batch: the row triggers' after-events (audit rows,
            # foreign-key checks) pile up per transaction and slow a single huge one.
            with cursor.copy(f"COPY claims_stance ({columns}) FROM STDIN") as copy:
                for row in itertools.islice(source_rows, COPY_BATCH):
                    copy.write_row(row)
                    copied += 1
            raw.commit()
            if copied % PROGRESS_EVERY < COPY_BATCH:
                log(f"  {copied:,} stances copied ({time.perf_counter() - started:.0f} s)")
        cursor.execute("ANALYZE")
        raw.commit()
    log(
        f"seeded {total_stances:,} stances (quote trigger and audit triggers on) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    return claims[0].slug, token


def reused(log: Callable[[str], None]) -> tuple[str, str]:
    """The target claim and token of a database an earlier --keep run seeded."""
    from rest_framework.authtoken.models import Token

    from claims.models import Claim

    claim = Claim.objects.get(slug="claim-0")  # seed()'s first claim: the 5,000 stances
    token = Token.objects.get(user__username="bench").key
    log("reusing the seeded database (nothing seeded)")
    return claim.slug, token


def measure(slug: str, token: str, runs: int) -> list[tuple[str, list[float], str]]:
    from django.db import connection
    from django.test import Client

    from claims.models import Claim

    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    path = f"/api/v1/claims/{slug}/history/"

    first = client.get(path)
    assert first.status_code == 200, first.content[:500]
    body = first.json()
    shown = sum(len(st["reports"]) for lane in body["lanes"] for st in lane["statements"])
    statements = sum(len(lane["statements"]) for lane in body["lanes"])
    etag = first["ETag"]
    as_of = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).isoformat()

    claim_id = Claim.objects.get(slug=slug).pk
    sql = """
        SELECT s.id, s.source_id, src.name, src.parent_id, s.position, s.stated_on,
               s.stated_on_precision, s.quote_exact, s.quote_prefix, s.quote_suffix,
               s.quote_start, s.quote_end, s.attributed_via, s.confidence,
               a.id, a.url, a.title, o.name, a.published_on, a.page_date, a.duplicate_kind,
               a.original_url
        FROM claims_stance s
        JOIN sources_source src ON src.id = s.source_id
        JOIN sources_article a ON a.id = s.article_id
        LEFT JOIN sources_outlet o ON o.id = a.outlet_id
        WHERE s.claim_id = %s AND s.status = 'confirmed'
        ORDER BY s.stated_on, s.id
    """
    fetched: list = []

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, [claim_id])
            fetched[:] = cursor.fetchall()

    from django.core.cache import cache

    from claims.api import history_cache

    def forget() -> None:
        # Cold: nothing kept from the last request (the per-process LRU and Django's cache).
        history_cache.bodies.clear()
        cache.clear()

    def history_cold() -> None:
        forget()
        assert client.get(path).status_code == 200

    def history_warm() -> None:
        assert client.get(path).status_code == 200

    def not_modified() -> None:
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304

    def history_as_of_cold() -> None:
        forget()
        assert client.get(path, {"as_of": as_of}).status_code == 200

    def history_as_of_warm() -> None:
        assert client.get(path, {"as_of": as_of}).status_code == 200

    history_warm()
    assert history_cache.bodies.get(history_cache.history_key(etag)) is not None, (
        "the history was not kept: is FACTCHECK_HISTORY_CACHE_SECONDS 0?"
    )
    results = [
        (
            "GET history, cold (rendered)",
            timed(history_cold, runs),
            f"{len(first.content):,} B, {statements:,} statements",
        ),
        ("GET history, warm (unchanged, kept)", timed(history_warm, runs), ""),
        ("GET history, If-None-Match -> 304", timed(not_modified, runs), "0 B"),
        (
            "GET history?as_of=, cold (audit replay)",
            timed(history_as_of_cold, max(5, runs // 3)),
            "",
        ),
        ("GET history?as_of=, warm (kept)", timed(history_as_of_warm, runs), ""),
        ("one raw SQL query, same rows", timed(raw, runs), f"{len(fetched):,} rows"),
    ]
    assert len(fetched) == shown == TARGET_STANCES, (len(fetched), shown)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stances", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="leave the bench database in place")
    parser.add_argument(
        "--reuse",
        metavar="NAME",
        help="time a database an earlier --keep run left (its name is printed), without seeding",
    )
    args = parser.parse_args()

    def log(line: str) -> None:
        print(line, flush=True)

    import psycopg

    base = server_url()
    name = args.reuse or f"fc_bench_api_{os.getpid()}"
    if not args.reuse:
        with psycopg.connect(with_database(base, "postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        log(f"created database {name}")
    os.environ["DATABASE_URL"] = with_database(base, name)
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("CELERY_BROKER_URL", "memory://")  # nothing is queued here
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["API_THROTTLE_READ_RATE"] = "1000000/hour"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        slug, token = reused(log) if args.reuse else seed(args.stances, log)
        results = measure(slug, token, args.runs)
        print()
        print(f"{'what':40} {'p50 ms':>9} {'p95 ms':>9}  size")
        for what, samples, size in results:
            print(
                f"{what:40} {percentile(samples, 50):9.1f} {percentile(samples, 95):9.1f}  {size}"
            )
        cold, warm = percentile(results[0][1], 95), percentile(results[1][1], 95)
        not_modified_p95, raw_p95 = percentile(results[2][1], 95), percentile(results[5][1], 95)
        print(
            f"\nratios of p95: cold / raw SQL {cold / raw_p95:.1f}x (target <= 2x), "
            f"warm / 304 {warm / not_modified_p95:.2f}x (target <= 1.2x)"
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            print(f"\ndatabase size: {cursor.fetchone()[0]}, server: {connection.pg_version}")
        connection.close()
    finally:
        if not (args.keep or args.reuse):
            with psycopg.connect(with_database(base, "postgres"), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            log(f"dropped database {name}")


if __name__ == "__main__":
    main()
