"""manage.py dedupe --all (or dedupe ID...): check stored articles for copies again.

Each article goes through ``sources.ingest.article_recheck``: its MinHash signature is
computed when missing, and a copy of another stored story (or an original of one) is
linked as ingestion links a new article, with the earlier date as the original and
the copies' suggestions still waiting for review withdrawn.

Safe to stop with Ctrl-C and to run again: each article is checked in a transaction of
its own, a copy is left as it is, and an original already linked finds nothing new.
Oldest first, so a story's first appearance is met before the pages that copy it.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import F
from tqdm import tqdm

from sources.ingest import article_recheck
from sources.models import Article


class Command(BaseCommand):
    help = "Check stored articles for copies again (signatures, copy links); safe to re-run."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="article ids (or --all)")
        parser.add_argument("--all", action="store_true", help="every stored article")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"] == bool(options["ids"]):
            raise CommandError("name article ids, or --all for every stored article")
        articles = Article.objects.order_by(F("published_on").asc(nulls_last=True), "pk")
        if not options["all"]:
            articles = articles.filter(pk__in=options["ids"])
        ids = list(articles.values_list("pk", flat=True))
        signed = linked = 0
        demoted: set[int] = set()
        bar = tqdm(
            ids,
            desc="articles",
            unit=" articles",
            file=sys.stderr,
            disable=options["verbosity"] == 0,
        )
        for article_id in bar:
            result = article_recheck(article_id=article_id)
            signed += result.signed
            if result.linked_to is not None:
                linked += 1
                demoted.update(result.demoted)
                if options["verbosity"]:
                    with bar.external_write_mode(file=sys.stderr):
                        self.stdout.write(
                            f"article {article_id}: article(s) {', '.join(map(str, result.demoted))}"
                            f" now {result.kind} copies of article {result.linked_to}"
                        )
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Checked {len(ids)} articles: {signed} signatures computed, "
                    f"{len(demoted)} articles linked as copies in {linked} links."
                )
            )
