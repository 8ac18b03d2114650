"""Ingestion throughput: extract + dedupe per page, next to trafilatura alone, and peak memory.

    .venv/bin/python bench/ingest.py [--pages 600] [--repeat 1] [--stored 100000] [--queries 300]

The pages are generated from the five seed articles (tests/ingest/pages.py): newsroom and
content-farm layouts with navigation, related links and footers; about a tenth are
republished copies and a tenth spun copies of earlier pages. Each phase runs in a fresh
process so its peak RSS is its own. No database or network in this part: it measures the
CPU work a worker does per article (shingles, signature, bands, estimating and verifying
candidates); the candidates are found in a dict of bands standing in for the ArticleBand
table, whose query is measured by --stored.

--stored N: a database of its own (created and dropped here, on the server of DATABASE_URL,
the embedded PostgreSQL when unset) gets N stored articles with their signatures and bands
(distinct stories in the seeds' vocabulary); then a fresh process, as a worker would, looks
up near-duplicates of --queries new stories and of --queries spun copies of stored ones
(the band query, the estimates and the verification on texts) and reports p50/p95, how
many copies it found and its peak RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pages(count: int) -> list[tuple[str, bytes]]:
    from tests.ingest import pages

    return [(url, page.encode("utf-8")) for url, page in pages.generated_pages(count)]


def trafilatura_alone(count: int) -> dict:
    import trafilatura

    data = _pages(count)
    start, cpu = time.perf_counter(), time.process_time()
    chars = 0
    for url, body in data:
        text = trafilatura.extract(body.decode("utf-8"), url=url)
        chars += len(text or "")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "chars": chars, "copies": {}}


def extract_and_dedupe(count: int) -> dict:
    from sources import dedupe
    from sources.extract import decode_html, extract_page

    def content_hash(text: str) -> str:  # sources.models.content_hash, without Django
        return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()

    data = _pages(count)
    band_index: dict[tuple[int, int], list[int]] = {}  # stands in for ArticleBand
    signatures: dict[int, object] = {}
    groups: dict[int, int] = {}  # page -> the page it copies (itself for an original)
    texts: dict[int, str] = {}
    seen_hashes: set[str] = set()
    canonical: set[str] = set()
    copies = {"exact": 0, "republished": 0, "spun": 0}
    chars = 0
    extracting = extracting_cpu = 0.0
    start, cpu = time.perf_counter(), time.process_time()
    for n, (url, body) in enumerate(data):
        began, began_cpu = time.perf_counter(), time.process_time()
        extracted = extract_page(decode_html(body, "utf-8"), url=url)
        extracting += time.perf_counter() - began
        extracting_cpu += time.process_time() - began_cpu
        key = dedupe.choose_canonical(fetched_url=url, declared=extracted.canonical_url)
        if key in canonical:
            continue
        canonical.add(key)
        text = extracted.text
        chars += len(text)
        digest = content_hash(text)
        if digest in seen_hashes:
            copies["exact"] += 1
            continue
        seen_hashes.add(digest)
        own = dedupe.shingles(text)
        minhash = dedupe.signature(own)
        bands = dedupe.bands(minhash)
        found = {pk for pair in enumerate(bands) for pk in band_index.get(pair, ())}
        best, group = None, n
        if len(own) >= dedupe.MIN_SHINGLES:
            stored = [(pk, signatures[pk], groups[pk]) for pk in found]
            best_jaccard = 0.0
            for candidate in dedupe.likeliest(minhash, stored):
                sim = dedupe.similarity(own, texts[candidate])
                kind = dedupe.copy_kind(sim)
                if kind and sim.jaccard > best_jaccard:
                    best, best_jaccard, group = kind, sim.jaccard, groups[candidate]
        if best:
            copies[best] += 1
        groups[n] = group if best else n
        for pair in enumerate(bands):
            band_index.setdefault(pair, []).append(n)
        signatures[n] = minhash
        texts[n] = text
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu": time.process_time() - cpu,
        "chars": chars,
        "copies": copies,
        "extracting": extracting,
        "extracting_cpu": extracting_cpu,
    }


def _run(phase: str, count: int, out: multiprocessing.Queue) -> None:
    try:
        result = globals()[phase](count)
    except BaseException as exc:
        out.put({"error": repr(exc)})
        raise
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put(result)


def measure(phase: str, count: int) -> dict:
    context = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = context.Queue()
    proc = context.Process(target=_run, args=(phase, count, out))
    proc.start()
    result = out.get()
    proc.join()
    return result


# --- --stored N: the ArticleBand table with N stored articles ---------------------------

WORDS_PER_STORY = (300, 600)


def _story(n: int) -> str:
    """Stored story n, the same on every call: paragraphs of the seeds' words, shuffled."""
    import numpy as np

    from tests.ingest import pages

    global _VOCABULARY
    if _VOCABULARY is None:
        _VOCABULARY = np.array(" ".join(s.text for s in pages.seeds().values()).split())
    rng = np.random.default_rng(n)
    picked = _VOCABULARY[rng.integers(0, len(_VOCABULARY), rng.integers(*WORDS_PER_STORY))]
    paragraphs = [" ".join(part) + "." for part in np.array_split(picked, 6)]
    return f"Story {n}.\n\n" + "\n\n".join(paragraphs)


_VOCABULARY = None


def _database(base: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


def _django(url: str) -> None:
    import os

    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("CELERY_BROKER_URL", "memory://")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()


def seed_stored(url: str, count: int, out: multiprocessing.Queue) -> None:
    """Migrate the bench database and store `count` articles with signatures and bands."""
    _django(url)
    from django.core.management import call_command
    from django.db import connection, transaction

    from sources import dedupe
    from sources.models import Article, content_hash

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    batch = 2000
    for first in range(0, count, batch):
        rows, bands = [], []
        for n in range(first, min(count, first + batch)):
            text = _story(n)
            minhash = dedupe.signature(text)
            rows.append(
                Article(
                    url=f"https://stored.example/{n}",
                    canonical_url=f"https://stored.example/{n}",
                    origin=Article.Origin.URL,
                    title=f"Story {n}",
                    text=text,
                    content_hash=content_hash(text),
                    minhash=dedupe.signature_to_json(minhash),
                )
            )
            bands.append(dedupe.bands(minhash))
        with transaction.atomic():
            created = Article.objects.bulk_create(rows, batch_size=500)
            with connection.cursor() as cursor:
                table = "sources_articleband"
                with cursor.copy(f"COPY {table} (article_id, band, hash) FROM STDIN") as copy:
                    for article, values in zip(created, bands, strict=True):
                        for band, value in enumerate(values):
                            copy.write_row((article.pk, band, value))
        if (first // batch) % 10 == 0:
            print(f"  stored {first + len(rows)} articles", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sources_articleband")
        cursor.execute("ANALYZE sources_article")
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('sources_articleband')),"
            " (SELECT count(*) FROM sources_articleband)"
        )
        size, band_rows = cursor.fetchone()
    out.put({"seconds": time.perf_counter() - began, "band_size": size, "band_rows": band_rows})


def lookups(url: str, count: int, queries: int, out: multiprocessing.Queue) -> None:
    """As a worker: near-duplicate lookups of new stories and of spun copies of stored ones."""
    _django(url)
    import random

    from django.db import connection, transaction

    from sources import dedupe
    from sources.ingest import _band_candidates, _near_duplicate
    from tests.ingest import pages

    def lookup(text: str) -> tuple[float, object]:
        began = time.perf_counter()
        own = dedupe.shingles(text)
        minhash = dedupe.signature(own)
        match = _near_duplicate(own, minhash, dedupe.bands(minhash))
        return (time.perf_counter() - began) * 1000, match

    def query_only(text: str) -> float:
        bands = dedupe.bands(dedupe.signature(text))
        began = time.perf_counter()
        _band_candidates(bands)
        return (time.perf_counter() - began) * 1000

    rng = random.Random(11)
    picked = rng.sample(range(count), queries)
    new_texts = [_story(count + 1_000_000 + k) for k in range(queries)]
    spun_texts = [pages.spin(_story(n)) for n in picked]
    passes = []
    with transaction.atomic():
        for n in picked[:5]:  # warm-up of the connection and the code, not of the index
            lookup(_story(n + 1))
        for _ in range(2):  # the first pass reads the index cold; the second as a busy server
            fresh = [lookup(text)[0] for text in new_texts]
            spun, found = [], 0
            for n, text in zip(picked, spun_texts, strict=True):
                ms, match = lookup(text)
                spun.append(ms)
                found += match is not None and match.article.canonical_url == (
                    f"https://stored.example/{n}"
                )
            query = [query_only(text) for text in spun_texts]
            passes.append({"fresh": fresh, "spun": spun, "found": found, "query": query})
        minhash = dedupe.signature(spun_texts[0])
        bands = dedupe.bands(minhash)
        candidates = len(_band_candidates(bands))
        with connection.cursor() as cursor:
            cursor.execute(
                "EXPLAIN ANALYZE SELECT a.id, a.minhash, coalesce(a.duplicate_of_id, a.id)"
                " FROM (SELECT DISTINCT b.article_id FROM sources_articleband b"
                " JOIN unnest(%s::smallint[], %s::bigint[]) AS q(band, hash)"
                " ON b.band = q.band AND b.hash = q.hash) AS c"
                " JOIN sources_article a ON a.id = c.article_id",
                [list(range(len(bands))), bands],
            )
            plan = [row[0] for row in cursor.fetchall()]
    out.put(
        {
            "passes": passes,
            "plan": plan,
            "candidates_of_a_stored_story": candidates,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )


def _guarded(target, *args) -> None:
    out = args[-1]
    try:
        target(*args)
    except BaseException as exc:
        out.put({"error": repr(exc)})
        raise


def _in_process(target, *args) -> dict:
    context = multiprocessing.get_context("spawn")
    out: multiprocessing.Queue = context.Queue()
    proc = context.Process(target=_guarded, args=(target, *args, out))
    proc.start()
    result = out.get()
    proc.join()
    if "error" in result:
        raise SystemExit(f"{target.__name__} failed: {result['error']}")
    return result


def bench_stored(count: int, queries: int, *, keep: bool = False, reuse: str = "") -> None:
    import os
    import statistics

    import psycopg

    base = os.environ.get("DATABASE_URL", "")
    if not base:
        from factcheck import embedded

        base = embedded.postgres_url()
    name = reuse or f"fc_bench_ingest_{os.getpid()}"
    if not reuse:
        with psycopg.connect(_database(base, "postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    print(f"\nstored-archive bench: database {name}, {count} stored articles")
    try:
        if not reuse:
            seeded = _in_process(seed_stored, _database(base, name), count)
            print(
                f"  stored in {seeded['seconds']:.0f} s; band table {seeded['band_size']},"
                f" {seeded['band_rows']} rows"
            )
        r = _in_process(lookups, _database(base, name), count, queries)

        def pct(samples: list[float], q: int) -> float:
            return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]

        for n, run in enumerate(r["passes"]):
            print(f"pass {n + 1} ({'index cold' if n == 0 else 'index warm'}):")
            print(f"  {'lookup':42} {'p50 ms':>8} {'p95 ms':>8}")
            for what, samples in (
                ("new story (shingles to verdict)", run["fresh"]),
                ("spun copy of a stored one (same)", run["spun"]),
                ("the band query alone (spun copies)", run["query"]),
            ):
                print(f"  {what:42} {pct(samples, 50):8.2f} {pct(samples, 95):8.2f}")
            print(f"  spun copies found: {run['found']}/{queries}")
        print(f"candidates sharing a band with a stored story: {r['candidates_of_a_stored_story']}")
        print(f"peak RSS of the looking-up process: {r['peak_rss_mb']:.0f} MB")
        print("plan of the band query:\n  " + "\n  ".join(r["plan"]))
    finally:
        if keep or reuse:
            print(f"kept database {name} (drop it with DROP DATABASE)")
        else:
            with psycopg.connect(_database(base, "postgres"), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            print(f"dropped database {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--stored", type=int, default=0, help="articles in the archive bench")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the --stored database")
    parser.add_argument("--reuse", default="", help="a kept --stored database: no seeding")
    parser.add_argument("--skip-pages", action="store_true", help="only the --stored bench")
    parser.add_argument(
        "--repeat", type=int, default=1, help="page bench: alternate runs, keep each one's best"
    )
    args = parser.parse_args()
    count = max(500, args.pages)
    if not args.skip_pages:
        bench_pages(count, max(1, args.repeat))
    if args.stored:
        bench_stored(args.stored, args.queries, keep=args.keep, reuse=args.reuse)


def _best(runs: list[dict]) -> dict:
    """The wall-clock figures of the run with the least wall time, the CPU figures of the run
    with the least CPU time (on a shared machine other work only ever adds time)."""
    wall = min(runs, key=lambda r: r["seconds"])
    cpu = min(runs, key=lambda r: r["cpu"])
    return {
        **wall,
        "cpu": cpu["cpu"],
        "extracting_cpu": cpu.get("extracting_cpu", 0.0),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
    }


def bench_pages(count: int, repeat: int = 1) -> None:
    """The two phases, each in a fresh process; with repeat > 1 they alternate `repeat`
    times and each phase's row is its best (_best), the ratios of every pair printed too."""
    runs = f", best of {repeat} alternating runs" if repeat > 1 else ""
    print(f"ingestion bench: {count} generated pages (seed-based, with copies){runs}")
    pairs = [
        (measure("trafilatura_alone", count), measure("extract_and_dedupe", count))
        for _ in range(repeat)
    ]
    rows = [
        ("trafilatura.extract alone", _best([a for a, _ in pairs])),
        ("extract + dedupe (ours)", _best([b for _, b in pairs])),
    ]
    if repeat > 1:
        print(
            "ratios of each pair (trafilatura / ours), wall: "
            + ", ".join(f"{a['seconds'] / b['seconds']:.2f}" for a, b in pairs)
            + "; CPU: "
            + ", ".join(f"{a['cpu'] / b['cpu']:.2f}" for a, b in pairs)
        )
    # CPU time (process_time) beside wall time: on a shared machine the wall clock also
    # counts the time other processes held the core.
    print(f"{'phase':28} {'pages/s':>9} {'ms/page':>9} {'CPU ms/page':>12} {'peak RSS':>10}")
    for name, r in rows:
        rate = count / r["seconds"]
        print(
            f"{name:28} {rate:9.1f} {1000 * r['seconds'] / count:9.2f}"
            f" {1000 * r['cpu'] / count:12.2f} {r['peak_rss_mb']:8.0f} MB"
        )
    ours = rows[1][1]
    print(
        f"  of which extraction (trafilatura with metadata and dates, nh3) "
        f"{1000 * ours['extracting'] / count:.2f} ms/page, "
        f"dedupe {1000 * (ours['seconds'] - ours['extracting']) / count:.2f} ms/page; CPU: "
        f"extraction {1000 * ours['extracting_cpu'] / count:.2f} ms/page, "
        f"dedupe {1000 * (ours['cpu'] - ours['extracting_cpu']) / count:.2f} ms/page"
    )
    copies = ours["copies"]
    print(
        "copies found: "
        + ", ".join(f"{kind} {n}" for kind, n in copies.items())
        + f" (of {count} pages)"
    )
    ratio = rows[0][1]["seconds"] / ours["seconds"]
    cpu_ratio = rows[0][1]["cpu"] / ours["cpu"]
    print(
        f"throughput of extract + dedupe / trafilatura alone{' (best runs)' if repeat > 1 else ''}:"
        f" {ratio:.2f}x"
        f" (on CPU time: {cpu_ratio:.2f}x)"
    )


if __name__ == "__main__":
    main()
