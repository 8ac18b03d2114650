"""Statements: what groups stances into one statement, measured on the demo and on copies.

Loads the demo inside a transaction that is rolled back (the database is left as it
was), then prints:

1. every pair of confirmed demo stances by one speaker on one claim: their positions,
   how many days apart their dates are (a date known to the month spans it), how much
   of the shorter quote's 3-word shingles the other has, and whether the timeline made
   them one statement;
2. copies made of the seed articles (republished in other furniture, trimmed to half, spun
   through the synonym table of tests/ingest/pages.py), stored through ingestion, with
   the demo's stances filed again in each copy's words: how alike the quotes stay, and
   what the timeline counts (statements, reports, independent reports).

    DATABASE_URL=postgresql://... .venv/bin/python bench/statements.py
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("CELERY_BROKER_URL", "memory://")  # nothing is queued: rolled back

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from claims.models import Claim, Stance  # noqa: E402
from claims.services import quote_anchor  # noqa: E402
from claims.timeline import claim_timeline, stance_period  # noqa: E402
from sources.dedupe import similarity  # noqa: E402
from sources.ingest import ArticleDraft, article_store  # noqa: E402
from sources.models import Article, Outlet  # noqa: E402
from tests.ingest import pages  # noqa: E402


def days_apart(a: Stance, b: Stance) -> int:
    """Days between the periods two stances' dates stand for (0 when they overlap)."""
    (a0, a1), (b0, b1) = (stance_period(s) for s in (a, b))  # type: ignore[arg-type]
    return max(0, (b0 - a1).days, (a0 - b1).days)


def statement_of(claims: dict[int, object]) -> dict[int, int]:
    """Stance id -> the id of its statement, from the timeline."""
    out = {}
    for timeline in claims.values():
        for lane in timeline.lanes:  # type: ignore[attr-defined]
            for statement in lane.statements:
                for report in statement.reports:
                    out[report.id] = statement.id
    return out


def demo_pairs() -> None:
    claims = {c.pk: claim_timeline(claim=c) for c in Claim.objects.all()}
    grouped = statement_of(claims)
    stances = list(
        Stance.objects.filter(status="confirmed").select_related("source", "claim", "article")
    )
    print("1. demo: pairs of confirmed stances by one speaker on one claim")
    print(f"   {'claim':<12} {'speaker':<14} {'positions':<16} {'days':>4} {'quote':>6}  one?")
    for a, b in itertools.combinations(stances, 2):
        if (a.claim_id, a.source_id) != (b.claim_id, b.source_id):
            continue
        sim = similarity(a.quote_exact, b.quote_exact)
        one = "yes" if grouped[a.pk] == grouped[b.pk] else "no"
        positions = f"{a.position}/{b.position}"
        print(
            f"   {a.claim.slug[:12]:<12} {a.source.name[:14]:<14} {positions:<16} "
            f"{days_apart(a, b):>4} {sim.containment:>6.2f}  {one}"
            f"   ({a.article.outlet.name[:14]} / {b.article.outlet.name[:14]})"
        )


def copy_text(kind: str, text: str) -> str:
    paragraphs = text.split("\n\n")
    if kind == "spun":
        return "\n\n".join(pages.spin(p) for p in paragraphs)
    if kind == "trimmed":  # the second half cut, as sites trim wire copy
        return "\n\n".join(paragraphs[: max(1, len(paragraphs) // 2)])
    return "\n\n".join(["Share this story.", *paragraphs, "Subscribe to our newsletter."])


def copies() -> None:
    farm = Outlet.objects.create(name="Bench copy farm")
    made = {"republished": 0, "trimmed": 0, "spun": 0}
    quote_sims: dict[str, list[float]] = {k: [] for k in made}
    before = {c.pk: claim_timeline(claim=c) for c in Claim.objects.all()}
    for original in Article.objects.filter(origin=Article.Origin.DEMO):
        recorded = list(original.stances.filter(status="confirmed"))
        for kind in made:
            text = copy_text(kind, original.text)
            copy, _ = article_store(
                draft=ArticleDraft(
                    url=f"https://copies.example/{kind}/{original.pk}",
                    canonical_url=f"https://copies.example/{kind}/{original.pk}",
                    title=original.title,
                    text=text,
                    published_on=None,
                    outlet=farm,
                    origin=Article.Origin.PASTE,
                )
            )
            assert copy.duplicate_of_id == original.pk, (kind, original.pk, copy.duplicate_kind)
            for stance in recorded:
                quote = pages.spin(stance.quote_exact) if kind == "spun" else stance.quote_exact
                at = text.find(quote)
                if at < 0:
                    continue  # cut with the trimmed paragraph
                anchor = quote_anchor(text=text, exact=quote, start=at)
                Stance.objects.create(
                    claim=stance.claim,
                    source=stance.source,
                    article=copy,
                    position=stance.position,
                    stated_on=stance.stated_on,
                    stated_on_precision=stance.stated_on_precision,
                    quote_exact=anchor.exact,
                    quote_prefix=anchor.prefix,
                    quote_suffix=anchor.suffix,
                    quote_start=anchor.start,
                    quote_end=anchor.end,
                    status="confirmed",
                    reviewed_at=timezone.now(),
                )
                made[kind] += 1
                quote_sims[kind].append(similarity(stance.quote_exact, quote).containment)
    after = {c.pk: claim_timeline(claim=c) for c in Claim.objects.all()}

    def counts(timelines: dict[int, object]) -> tuple[int, int, int]:
        statements = [s for t in timelines.values() for s in t.statements]  # type: ignore[attr-defined]
        return (
            sum(len(s.reports) for s in statements),
            len(statements),
            sum(s.independent_reports for s in statements),
        )

    print("\n2. copies of the five seeds, stored through ingestion, stances filed again")
    for kind, sims in quote_sims.items():
        print(
            f"   {kind:<12} {made[kind]:>3} stances; quote shingles kept "
            f"min {min(sims):.2f}, median {sorted(sims)[len(sims) // 2]:.2f}"
        )
    print("   {:<28} {:>8} {:>11} {:>12}".format("", "stances", "statements", "independent"))
    for label, timelines in (("demo", before), ("demo + copies", after)):
        print("   {:<28} {:>8} {:>11} {:>12}".format(label, *counts(timelines)))


def main() -> int:
    with transaction.atomic():
        call_command("load_demo", verbosity=0)
        demo_pairs()
        copies()
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
