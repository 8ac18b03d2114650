"""Ingestion throughput: extract + dedupe per page, next to trafilatura alone, and peak memory.

    .venv/bin/python bench/ingest.py [--pages 600]

The pages are generated from the five seed articles (tests/ingest/pages.py): newsroom and
content-farm layouts with navigation, related links and footers; about a tenth are
republished copies and a tenth spun copies of earlier pages. Each phase runs in a fresh
process so its peak RSS is its own. No database or network: this measures the CPU work a
worker does per article (the fetch is I/O and the insert one short transaction).
"""

from __future__ import annotations

import argparse
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
    start = time.perf_counter()
    chars = 0
    for url, body in data:
        text = trafilatura.extract(body.decode("utf-8"), url=url)
        chars += len(text or "")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chars": chars, "copies": {}}


def extract_and_dedupe(count: int) -> dict:
    from sources import dedupe
    from sources.extract import decode_html, extract_page

    data = _pages(count)
    index = dedupe.NearDuplicateIndex()
    texts: dict[int, str] = {}
    seen_hashes: dict[str, int] = {}
    canonical: set[str] = set()
    copies = {"exact": 0, "republished": 0, "spun": 0}
    chars = 0
    extracting = 0.0
    start = time.perf_counter()
    for n, (url, body) in enumerate(data):
        began = time.perf_counter()
        extracted = extract_page(decode_html(body, "utf-8"), url=url)
        extracting += time.perf_counter() - began
        key = dedupe.choose_canonical(fetched_url=url, declared=extracted.canonical_url)
        if key in canonical:
            continue
        canonical.add(key)
        text = extracted.text
        chars += len(text)
        folded = " ".join(text.split())
        if folded in seen_hashes:
            copies["exact"] += 1
            continue
        seen_hashes[folded] = n
        minhash = dedupe.signature(text)
        own = dedupe.shingles(text)
        best = None
        for candidate in index.candidates(minhash):
            kind = dedupe.copy_kind(dedupe.similarity(own, texts[candidate]))
            if kind and (best is None or kind == "republished"):
                best = kind
        if best:
            copies[best] += 1
        index.insert(n, minhash)
        texts[n] = text
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "chars": chars, "copies": copies, "extracting": extracting}


def _run(phase: str, count: int, out: multiprocessing.Queue) -> None:
    result = globals()[phase](count)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    count = max(500, parser.parse_args().pages)

    print(f"ingestion bench: {count} generated pages (seed-based, with copies)")
    rows = [
        ("trafilatura.extract alone", measure("trafilatura_alone", count)),
        ("extract + dedupe (ours)", measure("extract_and_dedupe", count)),
    ]
    print(f"{'phase':28} {'pages/s':>9} {'ms/page':>9} {'peak RSS':>10}")
    for name, r in rows:
        rate = count / r["seconds"]
        print(
            f"{name:28} {rate:9.1f} {1000 * r['seconds'] / count:9.2f} {r['peak_rss_mb']:8.0f} MB"
        )
    ours = rows[1][1]
    print(
        f"  of which extraction (trafilatura with metadata and dates, nh3) "
        f"{1000 * ours['extracting'] / count:.2f} ms/page, "
        f"dedupe {1000 * (ours['seconds'] - ours['extracting']) / count:.2f} ms/page"
    )
    copies = ours["copies"]
    print(
        "copies found: "
        + ", ".join(f"{kind} {n}" for kind, n in copies.items())
        + f" (of {count} pages)"
    )


if __name__ == "__main__":
    main()
