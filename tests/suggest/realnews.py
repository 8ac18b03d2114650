"""Measure the suggester on real news, the way a new newsroom would start.

Each family in bench/realnews/<family>.json names its claims, its top-level
actors (countries by name and capital, organisations by name and short name,
no officials) and its items: a real news excerpt's query, URL, date and hand
labels, (claim, actor, position) triples. The excerpts are other people's
writing and are not committed: they are read from var/realnews/<family>/
<item>.txt when present (fetched again with the search tool, by the query and
URL the item names).

For each family: only its claims are active; its actors are registered (name
and aliases, nothing else); each excerpt is submitted as pasted text with its
date and goes through the real tasks (ingestion, dedupe, the article-stored
signal, suggestions; Celery runs them in-process). The suggested stances of
each article (of its original, for a copy) become (claim, top-level actor,
position) triples and are compared with the item's labels.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from countryinfo import CountryInfo
from django.utils.text import slugify

from claims.models import Claim, ClaimStatus, Stance
from sources.models import Article, IngestJob, Source, SourceAlias, SourceKind, normalize_alias
from sources.services import ingest_text_submit
from tests.suggest.evaluation import Scored

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "bench" / "realnews"
TEXTS = REPO / "var" / "realnews"

Triple = tuple[str, str, str, str]  # item id, claim slug, actor name, position


@dataclass
class FamilyReport(Scored):
    family: str
    split: str
    items: int = 0
    missing_texts: int = 0
    gold: set[Triple] = field(default_factory=set)
    predicted: set[Triple] = field(default_factory=set)

    def merged(self, other: FamilyReport, name: str) -> FamilyReport:
        return FamilyReport(
            family=name,
            split=self.split if self.split == other.split else "mixed",
            items=self.items + other.items,
            missing_texts=self.missing_texts + other.missing_texts,
            gold=self.gold | other.gold,
            predicted=self.predicted | other.predicted,
        )


def families(split: str | None = None) -> list[dict]:
    """Every labelled family (of one split, if given), sorted by name."""
    found = [json.loads(path.read_text("utf-8")) for path in sorted(LABELS.glob("*.json"))]
    return [f for f in found if "items" in f and split in (None, f["split"])]


def text_of(family: str, item_id: str) -> str | None:
    path = TEXTS / family / f"{item_id}.txt"
    return path.read_text("utf-8") if path.exists() else None


def _kind(actor: dict) -> str:
    """As an editor registers it: a person as a person (the family says so), a country as a
    government, any other top-level actor as a group."""
    if actor.get("kind"):
        return actor["kind"]
    try:
        CountryInfo(actor["name"]).info()
    except LookupError:  # countryinfo's CountryNotFoundError
        return SourceKind.GROUP
    return SourceKind.GOVERNMENT


def family_setup(family: dict) -> None:
    """Only the family's claims active; its actors registered by name and aliases only."""
    for actor in family["actors"]:
        source, _ = Source.objects.get_or_create(
            name=actor["name"], defaults={"slug": slugify(actor["name"]), "kind": _kind(actor)}
        )
        for alias in [actor["name"], *actor.get("aliases", [])]:
            SourceAlias.objects.get_or_create(
                normalized=normalize_alias(alias), defaults={"source": source, "alias": alias}
            )
    Claim.objects.update(status=ClaimStatus.ARCHIVED)
    for spec in family["claims"]:
        Claim.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "text": spec["text"],
                "search_terms": spec.get("search_terms", []),
                "status": ClaimStatus.ACTIVE,
            },
        )


def _top_name(source: Source, names: dict[int, tuple[str, int | None]]) -> str:
    current, seen = source.pk, set()
    while names[current][1] is not None and current not in seen:
        seen.add(current)
        current = names[current][1]  # type: ignore[assignment]
    return names[current][0]


def family_run(family: dict) -> FamilyReport:
    """Submit every excerpt whose text is present and score its suggestions."""
    family_setup(family)
    report = FamilyReport(family["family"], family["split"])
    for item in family["items"]:
        text = text_of(family["family"], item["id"])
        if text is None:
            report.missing_texts += 1
            continue
        report.items += 1
        for claim, actor, position in item["labels"]:
            report.gold.add((item["id"], claim, actor, position))
        job = ingest_text_submit(
            text=text,
            title=item.get("title") or item["id"],
            published_on=dt.date.fromisoformat(item["date"]),
            url=item["url"],
        )
        job.refresh_from_db()
        if job.status != IngestJob.Status.DONE or job.article_id is None:
            continue
        article = Article.objects.get(pk=job.article_id)
        stances = Stance.objects.filter(
            article_id=article.duplicate_of_id or article.pk
        ).select_related("claim", "source")
        names = dict(Source.objects.values_list("pk", "name"))
        parents = dict(Source.objects.values_list("pk", "parent_id"))
        tree = {pk: (names[pk], parents[pk]) for pk in names}
        for stance in stances:
            report.predicted.add(
                (item["id"], stance.claim.slug, _top_name(stance.source, tree), stance.position)
            )
    return report


def positions_counted(report: FamilyReport) -> Counter[str]:
    return Counter(g[3] for g in report.gold)
