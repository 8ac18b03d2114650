"""Atom feeds of a claim and of a source: its statements and position changes, newest first.

Django's syndication framework writes the Atom (RFC 4287); what goes in it comes from the
confirmed stances, read here in two queries, and the changes computed from them as the
timeline computes them (lanes of top-level sources, ordered by the day said). A source's
feed is its statements and those of every source below it, its changes those of that
group of speakers on each claim.

Who reads them: everyone when claim pages are public (FACTCHECK_PUBLIC_CLAIM_PAGES), else
a logged-in browser or a feed reader with a person's feed token in the address
(``?token=``, on the Alerts page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed, add_domain
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html

from alerts.changes import change_kind, top_source_id
from alerts.models import FeedToken
from claims.models import Claim, ReviewStatus, Stance
from claims.web.links import at_quote_url, http_url
from sources.models import Source
from sources.selectors import article_heavy_fields, source_descendant_ids

# Entries in one feed: the newest statements and changes.
FEED_ENTRIES = 100
# The date in the entries' tag URIs (RFC 4151): any day the site's name was ours.
TAG_DATE = "2025"
REFUSED = (
    "This feed needs a feed token: open Alerts in the workbench for your private feed "
    "address (claim pages are not public here)."
)


@dataclass(frozen=True)
class Entry:
    guid: str
    title: str
    summary: str  # HTML, escaped
    link: str
    said: dt.datetime  # when the source said it (published)
    recorded: dt.datetime  # when the workbench recorded it (updated)
    author: str
    order: tuple[dt.date, int, int]  # newest first: the day said, the stance, a change first


def _tag(kind: str, *parts: int) -> str:
    host = urlsplit(settings.FACTCHECK_SITE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_DATE}:{kind}/" + "/".join(str(p) for p in parts)


def _said(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _stances(*, claims: Iterable[int] | None, speakers: set[int] | None) -> list[Stance]:
    rows = Stance.objects.filter(status=ReviewStatus.CONFIRMED)
    if claims is not None:
        rows = rows.filter(claim_id__in=list(claims))
    if speakers is not None:
        rows = rows.filter(source_id__in=speakers)
    return list(
        rows.select_related("claim", "source", "article__outlet")
        .defer(*article_heavy_fields("article"))
        .order_by("stated_on", "id")
    )


def _quote_html(stance: Stance) -> str:
    article = stance.article
    when = article.published_on.isoformat() if article.published_on else "undated"
    at_quote = at_quote_url(
        http_url(article.url),
        exact=stance.quote_exact,
        prefix=stance.quote_prefix,
        suffix=stance.quote_suffix,
    )
    via = f", reported through {stance.attributed_via}" if stance.attributed_via else ""
    source_line = format_html(
        "{} ({}, {}{})", article.title, article.outlet or "unknown outlet", when, via
    )
    if at_quote:
        source_line = format_html('<a href="{}">{}</a>', at_quote, source_line)
    return format_html("<blockquote>{}</blockquote><p>{}</p>", stance.quote_exact, source_line)


def _entries(stances: list[Stance], lane_of: Any, *, with_claim: bool) -> list[Entry]:
    """Each statement an entry, and each change of a lane's position one more."""
    entries = []
    previous: dict[tuple[int, int], Stance] = {}
    for stance in stances:
        claim_url = stance.claim.get_absolute_url()
        about = f" on “{stance.claim.text}”" if with_claim else ""
        recorded = stance.reviewed_at or stance.updated_at
        said = stance.position.replace("_", " ")
        entries.append(
            Entry(
                guid=_tag("stance", stance.pk),
                title=f"{stance.source.name} {said}{about} ({stance.stated_on.isoformat()})",
                summary=_quote_html(stance),
                link=claim_url,
                said=_said(stance.stated_on),
                recorded=recorded,
                author=stance.source.name,
                order=(stance.stated_on, stance.pk, 0),
            )
        )
        lane = lane_of(stance)
        before = previous.get((stance.claim_id, lane.pk))
        previous[(stance.claim_id, lane.pk)] = stance
        if before is None or before.position == stance.position:
            continue
        kind = change_kind(before.position, stance.position)
        moved = f"{before.position.replace('_', ' ')} → {said}"
        entries.append(
            Entry(
                guid=_tag("change", stance.claim_id, lane.pk, stance.pk),
                title=f"{lane.name}: {moved} ({kind}){about}, {stance.stated_on.isoformat()}",
                summary=format_html(
                    "<p>{} changed its position from <strong>{}</strong> to <strong>{}</strong> "
                    "(a {}){}:</p>{}",
                    lane.name,
                    before.position.replace("_", " "),
                    said,
                    kind,
                    ""
                    if stance.source_id == lane.pk
                    else f", speaking through {stance.source.name}",
                    _quote_html(stance),
                ),
                link=claim_url,
                said=_said(stance.stated_on),
                recorded=recorded,
                author=lane.name,
                order=(stance.stated_on, stance.pk, 1),
            )
        )
    entries.sort(key=lambda e: e.order, reverse=True)
    return entries[:FEED_ENTRIES]


def claim_entries(claim: Claim) -> list[Entry]:
    sources = Source.objects.in_bulk()
    parents = {pk: s.parent_id for pk, s in sources.items()}
    return _entries(
        _stances(claims=[claim.pk], speakers=None),
        lambda s: sources[top_source_id(parents, s.source_id)],
        with_claim=False,
    )


def source_entries(source: Source) -> list[Entry]:
    parents = dict(Source.objects.values_list("pk", "parent_id"))
    speakers = source_descendant_ids(parents=parents, source_id=source.pk)
    return _entries(_stances(claims=None, speakers=speakers), lambda s: source, with_claim=True)


def feed_reader(request: HttpRequest) -> bool:
    if settings.FACTCHECK_PUBLIC_CLAIM_PAGES or request.user.is_authenticated:
        return True
    token = request.GET.get("token", "")
    return bool(token) and FeedToken.objects.filter(token=token, user__is_active=True).exists()


class EntriesFeed(Feed):
    feed_type = Atom1Feed
    author_name = "factcheck workbench"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not feed_reader(request):
            return HttpResponseForbidden(REFUSED, content_type="text/plain; charset=utf-8")
        return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj: Any, request: HttpRequest) -> Any:
        feed = super().get_feed(obj, request)
        # The address the reader subscribed to, token and all, is the feed's own.
        feed.feed["feed_url"] = add_domain(
            request.get_host(), request.get_full_path(), request.is_secure()
        )
        return feed

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.summary

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry) -> dt.datetime:
        return item.said

    def item_updateddate(self, item: Entry) -> dt.datetime:
        return item.recorded

    def item_author_name(self, item: Entry) -> str:
        return item.author


class ClaimFeed(EntriesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Claim:
        return get_object_or_404(Claim, slug=slug)

    def title(self, claim: Claim) -> str:
        return f"{claim.text} · factcheck"

    def subtitle(self, claim: Claim) -> str:
        return "Who said what on this claim, and every change of position, newest first."

    def link(self, claim: Claim) -> str:
        return claim.get_absolute_url()

    def items(self, claim: Claim) -> list[Entry]:
        return claim_entries(claim)


class SourceFeed(EntriesFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Source:
        return get_object_or_404(Source, slug=slug)

    def title(self, source: Source) -> str:
        return f"{source.name} · factcheck"

    def subtitle(self, source: Source) -> str:
        return (
            f"What {source.name} (and whoever speaks for it) said on every claim, and every "
            "change of position, newest first."
        )

    def link(self, source: Source) -> str:
        return "/"

    def items(self, source: Source) -> list[Entry]:
        return source_entries(source)
