"""Load the demo data set (idempotent): seed articles, sources, claims, stances, users."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from rest_framework.authtoken.models import Token

from claims.demo import data
from claims.models import Claim, Stance
from claims.services import quote_anchor
from sources.ingest import ArticleDraft, article_store
from sources.models import Article, Outlet, Source, SourceAlias, normalize_alias

SEEDS_DIR = Path(data.__file__).resolve().parent / "seeds"


def main_text(article: data.DemoArticle) -> str:
    """The article body between its marker lines, paragraphs separated by a blank line."""
    lines = [line.strip() for line in (SEEDS_DIR / article.seed).read_text("utf-8").splitlines()]
    try:
        first = next(i for i, line in enumerate(lines) if line.startswith(article.body_from))
        last = next(
            i for i, line in enumerate(lines) if i >= first and line.startswith(article.body_to)
        )
    except StopIteration:
        raise CommandError(f"seed {article.seed}: body markers not found") from None
    paragraphs = [line for line in lines[first : last + 1] if line]
    if article.key in data.LEDES:
        paragraphs.insert(0, data.LEDES[article.key])
    return "\n\n".join(paragraphs)


def find_quote(text: str, quote: str) -> tuple[int, int]:
    """Where the quote stands in the text, letting any white space (say a no-break space) match."""
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, text)
    if found is None:
        raise CommandError(f"demo quote not in the article text: {quote[:60]}…")
    return found.span()


class Command(BaseCommand):
    help = "Load the demo data set built from the five seed articles (safe to run again)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        counts = {"users": self._users(), "sources": self._sources()}
        outlets = self._outlets()
        articles = self._articles(outlets)
        claims = self._claims()
        counts.update(outlets=len(outlets), articles=len(articles), claims=len(claims))
        counts["stances"] = self._stances(claims, articles)
        if options["verbosity"]:
            summary = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))

    def _users(self) -> int:
        for username, password, group, staff in data.DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": staff, "email": f"{username}@example.org"}
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=group))
            Token.objects.get_or_create(user=user)
        return len(data.DEMO_USERS)

    def _sources(self) -> int:
        for name, (kind, country, parent, aliases) in data.SOURCES.items():
            source, _ = Source.objects.update_or_create(
                name=name,
                defaults={
                    "slug": slugify(name),
                    "kind": kind,
                    "country": country,
                    "parent": Source.objects.get(name=parent) if parent else None,
                },
            )
            for alias in [name, *aliases]:
                SourceAlias.objects.get_or_create(
                    normalized=normalize_alias(alias), defaults={"source": source, "alias": alias}
                )
        return len(data.SOURCES)

    def _outlets(self) -> dict[str, Outlet]:
        outlets = {}
        for name, (domain, wire) in data.OUTLETS.items():
            outlets[name], _ = Outlet.objects.update_or_create(
                name=name,
                defaults={
                    "domain": domain,
                    "homepage": f"https://{domain}/" if domain else "",
                    "is_wire_service": wire,
                },
            )
        return outlets

    def _articles(self, outlets: dict[str, Outlet]) -> dict[str, Article]:
        """The seeds stored as ingestion stores an article (signature, content hash, copy
        links: a page that copies one of them later is linked to it), then the facts the
        demo knows better than the text shows: the page dates, the spun copy."""
        articles = {}
        for spec in data.ARTICLES:
            # Found by title: two seeds have no URL, and a demo loaded before the seeds had
            # their real URLs (or before it went through ingestion) is updated in place.
            article = Article.objects.filter(origin=Article.Origin.DEMO, title=spec.title).first()
            if article is None:
                article, _ = article_store(
                    draft=ArticleDraft(
                        url=spec.url,
                        canonical_url=spec.url or None,
                        title=spec.title,
                        text=main_text(spec),
                        byline=spec.byline,
                        language="en",
                        published_on=spec.published_on,
                        outlet=outlets[spec.outlet],
                        origin=Article.Origin.DEMO,
                    )
                )
            known: dict[str, Any] = {"url": spec.url, "canonical_url": spec.url or None}
            if spec.page_date:
                known["page_date"] = spec.page_date
            if spec.duplicate_kind:
                known["duplicate_kind"] = spec.duplicate_kind
            if spec.copy_of_outlet:
                known["original_outlet"] = outlets[spec.copy_of_outlet]
            Article.objects.filter(pk=article.pk).update(**known)
            articles[spec.key] = article
        return articles

    def _claims(self) -> dict[str, Claim]:
        editor = User.objects.get(username="editor")
        claims: dict[str, Claim] = {}
        for spec in data.CLAIMS:
            claims[str(spec["slug"])], _ = Claim.objects.update_or_create(
                slug=spec["slug"],
                defaults={
                    **{k: v for k, v in spec.items() if k != "slug"},
                    "status": Claim.Status.ACTIVE,
                },
                create_defaults={**spec, "created_by": editor},
            )
        return claims

    def _stances(self, claims: dict[str, Claim], articles: dict[str, Article]) -> int:
        reviewer = User.objects.get(username="reviewer")
        sources = {s.name: s for s in Source.objects.filter(name__in=data.SOURCES)}
        for spec in data.STANCES:
            article = articles[spec.article]
            start, end = find_quote(article.text, spec.quote)
            anchor = quote_anchor(text=article.text, exact=article.text[start:end], start=start)
            confirmed = spec.status == "confirmed"
            Stance.objects.get_or_create(
                claim=claims[spec.claim],
                source=sources[spec.source],
                article=article,
                quote_start=anchor.start,
                quote_end=anchor.end,
                defaults={
                    "position": spec.position,
                    "stated_on": spec.stated_on,
                    "stated_on_precision": spec.precision,
                    "quote_exact": anchor.exact,
                    "quote_prefix": anchor.prefix,
                    "quote_suffix": anchor.suffix,
                    "attributed_via": spec.attributed_via,
                    "status": spec.status,
                    "confidence": spec.confidence,
                    "evidence": spec.evidence,
                    "reviewed_by": reviewer if confirmed else None,
                    "reviewed_at": timezone.now() if confirmed else None,
                },
            )
        return len(data.STANCES)
