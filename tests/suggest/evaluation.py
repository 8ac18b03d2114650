"""Measure the suggester against the labelled sets in tests/suggest/data/.

``evaluation.json`` holds the seed articles and sentences written in their
style while the rules were built; ``heldout.json`` holds wire-style sentences
written before the rules were measured on them (the independent check).

Each document is stored as an article, run through ``article_suggest`` (the
real pipeline: database matching, attribution, saving), and every suggested
stance is compared with the labels of the sentence its quote starts in. A
suggestion counts as right when claim, source and position all agree.
Used by bench/suggest.py (prints the figures) and by the floor test.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from claims.models import Claim, ClaimStatus, Position, Stance
from claims.suggest.service import article_suggest
from sources.models import Article, Source, SourceAlias, normalize_alias

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_SET = DATA / "evaluation.json"
HELDOUT_SET = DATA / "heldout.json"
SETS = {"existing": DEFAULT_SET, "held-out": HELDOUT_SET}
# Written after the rules were worked on with heldout.json, to see how they do on
# sentences that shaped nothing; reported apart, not part of "combined".
FRESH_SET = DATA / "fresh.json"

Label = tuple[str, int, str, str, str]  # document, sentence, claim slug, source name, position


class Scored:
    """Precision and recall of a set of predicted labels against the gold ones, per position.

    Labels are tuples whose last item is the position.
    """

    gold: set
    predicted: set

    def scores(self, position: str | None = None) -> tuple[float, float, int, int, int]:
        """Precision, recall, true positives, predictions and labels (for one position or all)."""
        gold = {g for g in self.gold if position in (None, g[-1])}
        predicted = {p for p in self.predicted if position in (None, p[-1])}
        hits = len(gold & predicted)
        precision = hits / len(predicted) if predicted else 1.0
        recall = hits / len(gold) if gold else 1.0
        return precision, recall, hits, len(predicted), len(gold)

    def table(self) -> str:
        lines = [
            f"{'position':<12}{'precision':>10}{'recall':>8}{'right':>7}{'suggested':>11}{'labelled':>10}"
        ]
        for position in [*Position.values, None]:
            p, r, hits, predicted, gold = self.scores(position)
            lines.append(
                f"{position or 'overall':<12}{p:>10.2f}{r:>8.2f}{hits:>7}{predicted:>11}{gold:>10}"
            )
        return "\n".join(lines)

    def errors(self) -> list[str]:
        missed = [f"missed   {g}" for g in sorted(self.gold - self.predicted)]
        wrong = [f"spurious {p}" for p in sorted(self.predicted - self.gold)]
        return missed + wrong


@dataclass
class Report(Scored):
    sentences: int = 0
    labelled: int = 0  # sentences with at least one label
    gold: set[Label] = field(default_factory=set)
    predicted: set[Label] = field(default_factory=set)
    dates_checked: int = 0
    dates_right: int = 0
    date_errors: list[str] = field(default_factory=list)

    def merged(self, other: Report) -> Report:
        """Both reports as one (their document ids differ)."""
        return Report(
            sentences=self.sentences + other.sentences,
            labelled=self.labelled + other.labelled,
            gold=self.gold | other.gold,
            predicted=self.predicted | other.predicted,
            dates_checked=self.dates_checked + other.dates_checked,
            dates_right=self.dates_right + other.dates_right,
            date_errors=self.date_errors + other.date_errors,
        )

    @property
    def date_accuracy(self) -> float:
        """Share of right suggestions with a labelled date whose date and precision agree."""
        return self.dates_right / self.dates_checked if self.dates_checked else 1.0


def evaluation_load(path: Path = DEFAULT_SET) -> dict:
    return json.loads(Path(path).read_text("utf-8"))


def evaluation_setup(data: dict) -> None:
    """The set's sources (with aliases and parents) and claims, as the only active claims."""
    for name, spec in data["sources"].items():
        parent = Source.objects.get(name=spec["parent"]) if spec["parent"] else None
        source, _ = Source.objects.update_or_create(
            name=name,
            defaults={
                "slug": slugify(name),
                "kind": spec["kind"],
                "country": spec["country"],
                "parent": parent,
            },
        )
        for alias in [name, *spec["aliases"]]:
            SourceAlias.objects.get_or_create(
                normalized=normalize_alias(alias), defaults={"source": source, "alias": alias}
            )
    slugs = [c["slug"] for c in data["claims"]]
    Claim.objects.exclude(slug__in=slugs).update(status=ClaimStatus.ARCHIVED)
    for spec in data["claims"]:
        Claim.objects.update_or_create(
            slug=spec["slug"], defaults={**spec, "status": ClaimStatus.ACTIVE}
        )


def _article(document: dict) -> tuple[Article, list[tuple[int, int]]]:
    text, spans = "", []
    for sentence in document["sentences"]:
        if text:
            text += "\n\n" if sentence["para"] else " "
        spans.append((len(text), len(text) + len(sentence["text"])))
        text += sentence["text"]
    article = Article.objects.create(
        title=document["title"],
        text=text,
        published_on=dt.date.fromisoformat(document["published_on"]),
        origin=Article.Origin.PASTE,
        language="en",
    )
    return article, spans


def evaluation_run(data: dict) -> Report:
    """Store every document, suggest stances for it, and score the suggestions."""
    evaluation_setup(data)
    report = Report()
    for document in data["documents"]:
        doc_id = document["id"]
        article, spans = _article(document)
        dated: dict[Label, dict] = {}
        for index, sentence in enumerate(document["sentences"]):
            report.sentences += 1
            report.labelled += bool(sentence["labels"])
            for label in sentence["labels"]:
                key = (doc_id, index, label["claim"], label["source"], label["position"])
                report.gold.add(key)
                if "stated_on" in label:
                    dated[key] = label
        article_suggest(article_id=article.pk)
        stances = Stance.objects.filter(article=article).select_related("claim", "source")
        for stance in stances:
            index = next(
                i for i, (start, end) in enumerate(spans) if start <= stance.quote_start < end
            )
            key = (doc_id, index, stance.claim.slug, stance.source.name, stance.position)
            report.predicted.add(key)
            if key in dated:
                report.dates_checked += 1
                want = (dated[key]["stated_on"], dated[key]["precision"])
                got = (stance.stated_on.isoformat(), stance.stated_on_precision)
                if want == got:
                    report.dates_right += 1
                else:
                    report.date_errors.append(f"{key}: wanted {want}, got {got}")
    return report


def positions_counted(report: Report) -> Counter[str]:
    return Counter(g[4] for g in report.gold)


def evaluation_reports(*, fresh: bool = False) -> dict[str, Report]:
    """The report of each set (existing, held-out), of both together ("combined"), and of
    the fresh check set if asked."""
    reports = {name: evaluation_run(evaluation_load(path)) for name, path in SETS.items()}
    reports["combined"] = reports["existing"].merged(reports["held-out"])
    if fresh:
        reports["fresh check"] = evaluation_run(evaluation_load(FRESH_SET))
    return reports
