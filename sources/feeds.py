"""Feed polling: fetch (conditionally), parse, queue one IngestJob per new item.

feedparser only parses bytes we fetched with the safe client; it never fetches. Parsing
has a hard time limit, and a DOCTYPE that defines entities in terms of other entities
(the billion-laughs pattern) is refused before any parser sees it. Item titles and
summaries come out as plain text (nh3 strips every tag, script content included).

The interval adapts between the feed's min and max: halved when a poll brings new items,
one and a half times longer when it brings none. A failure backs off exponentially (or as
long as Retry-After asks); after settings.FACTCHECK_FEED_MAX_FAILURES failures in a row
the feed is disabled and the reason is kept on it.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import feedparser
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sources.extract import ExtractionError, hard_time_limit, plain_text
from sources.fetch import fetch
from sources.fetch.errors import FetchError, HostBusyError
from sources.ingest import unexpected_reason
from sources.jobs import ingest_job_publish
from sources.models import Feed, IngestJob

logger = logging.getLogger(__name__)

FEED_PARSE_SECONDS = 10.0
# A feed with more items than this is cut: real feeds carry tens, not thousands.
MAX_ITEMS = 500
# Retry-After longer than this is capped (a misbehaving server must not park a feed for ever).
MAX_RETRY_AFTER = 7 * 24 * 3600

_PROLOG_LIMIT = 64 * 1024
# <!ENTITY name "...&other;...">: an entity built from entities, the billion-laughs shape.
# The value runs to the closing quote of its own kind: a single-quoted value may hold a
# double quote before the reference (and the other way round).
_NESTED_ENTITY = re.compile(
    rb"""<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:"[^"]*&[^;\s"]+;|'[^']*&[^;\s']+;)""",
    re.IGNORECASE,
)


class FeedParseError(Exception):
    """The bytes are not a feed we can read; the message is written for the editor."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    summary: str
    published: dt.date | None


@dataclass
class ParsedFeed:
    title: str
    entries: list[FeedEntry] = field(default_factory=list)
    warning: str = ""


def _entry_date(entry: dict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _entry_url(entry: dict, base: str) -> str:
    link = entry.get("link") or ""
    if not link and entry.get("guidislink"):
        link = entry.get("id") or ""
    if not isinstance(link, str) or not link.strip():
        return ""
    try:
        url = urljoin(base, link.strip()) if base else link.strip()
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[oops/x": one bad link skips its item, not the feed
        return ""
    if parts.scheme not in {"http", "https"} or not host or len(url) > 2000:
        return ""
    return url


def feed_parse(data: bytes, *, url: str = "", content_type: str = "") -> ParsedFeed:
    """Items of an RSS/Atom document (bytes in, plain-text items out).

    Raises FeedParseError for what is not a feed, an entity-expansion attempt, or a parse
    that runs past FEED_PARSE_SECONDS.
    """
    if _NESTED_ENTITY.search(data[:_PROLOG_LIMIT]):
        raise FeedParseError("refused: the feed defines nested XML entities (entity expansion)")
    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        with hard_time_limit(FEED_PARSE_SECONDS, "parsing the feed"):
            result = feedparser.parse(
                io.BytesIO(data),  # a stream, so feedparser never treats it as a URL or path
                response_headers=headers,
                resolve_relative_uris=True,
                sanitize_html=True,
            )
            problem = result.get("bozo_exception")
            entries = []
            seen = set()
            for entry in result.entries[:MAX_ITEMS]:
                entry_url = _entry_url(entry, url)
                if not entry_url or entry_url in seen:
                    continue
                seen.add(entry_url)
                entries.append(
                    FeedEntry(
                        url=entry_url,
                        title=plain_text(entry.get("title") or "")[:1000],
                        summary=plain_text(entry.get("summary") or "")[:2000],
                        published=_entry_date(entry),
                    )
                )
            title = plain_text(result.feed.get("title") or "")[:500]
    except ExtractionError as exc:  # the time limit
        raise FeedParseError(str(exc)) from exc
    except (ValueError, TypeError, LookupError, AttributeError, RecursionError) as exc:
        # feedparser is lenient but not total; a crash inside it is still a bad feed.
        raise FeedParseError(f"the feed could not be parsed: {exc!r}") from exc
    if not result.get("version") and not entries:
        reason = f": {problem}" if problem else ""
        raise FeedParseError(f"not an RSS or Atom feed{reason}")
    warning = ""
    # A charset header that disagrees with the document (text/xml is us-ascii by RFC 3023)
    # is routine and handled; anything else is worth showing on the feed.
    if problem and not isinstance(problem, feedparser.CharacterEncodingOverride):
        warning = f"feed is not well-formed ({problem}); items read leniently"
    return ParsedFeed(title=title, entries=entries, warning=warning[:500])


@dataclass
class PollResult:
    feed_id: int
    status: str
    new_jobs: list[int] = field(default_factory=list)
    error: str = ""


def _queue_job(job_id: int) -> None:
    ingest_job_publish(job_id=job_id)


def _schedule(feed: Feed, *, now: dt.datetime, new_items: int) -> None:
    if new_items:
        feed.poll_interval = max(feed.min_interval, feed.poll_interval // 2)
    else:
        feed.poll_interval = min(feed.max_interval, int(feed.poll_interval * 1.5))
    feed.poll_interval = max(feed.min_interval, min(feed.max_interval, feed.poll_interval))
    feed.next_poll_at = now + dt.timedelta(seconds=feed.poll_interval)


def _record_failure(
    feed: Feed, *, now: dt.datetime, reason: str, retry_after: float | None
) -> None:
    feed.consecutive_failures += 1
    feed.last_error = reason
    feed.last_status = f"failed: {reason}"[:100]
    feed.last_new_items = 0
    backoff = min(feed.max_interval, feed.poll_interval * 2 ** min(feed.consecutive_failures, 16))
    if retry_after is not None:
        backoff = max(backoff, min(retry_after, MAX_RETRY_AFTER))
    feed.next_poll_at = now + dt.timedelta(seconds=backoff)
    limit = settings.FACTCHECK_FEED_MAX_FAILURES
    if feed.consecutive_failures >= limit:
        feed.enabled = False
        feed.disabled_reason = (
            f"Disabled after {feed.consecutive_failures} consecutive failures; last: {reason}"
        )


def feed_poll(*, feed_id: int, force: bool = False) -> PollResult | None:
    """Poll one feed if it is due (or `force`), and queue a job per new item on commit.

    Locking: the feed row is held FOR UPDATE SKIP LOCKED for the whole poll, so two
    workers never poll one feed at once, and a worker that dies releases it with its
    connection (the redelivered task then polls again). Returns None if the feed is gone,
    disabled, not due, or being polled by someone else.
    """
    started = time.monotonic()
    with transaction.atomic():
        feed = Feed.objects.select_for_update(skip_locked=True).filter(pk=feed_id).first()
        now = timezone.now()
        if feed is None or (not force and (not feed.enabled or feed.next_poll_at > now)):
            return None
        result = PollResult(feed_id=feed.pk, status="")
        feed.last_polled_at = now
        failure: tuple[str, float | None] | None = None
        try:
            # A savepoint: whatever fails in here, the feed row (still locked) can record it.
            with transaction.atomic():
                response = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
                parsed = None
                new_jobs: list[int] = []
                if not response.not_modified:
                    parsed = feed_parse(
                        response.content,
                        url=response.url,
                        content_type=response.headers.get("content-type", ""),
                    )
                    new_jobs = _jobs_for(feed, parsed.entries)
        except HostBusyError as exc:
            # Our own politeness, not the feed's fault: poll when the slot comes, no failure.
            feed.next_poll_at = now + dt.timedelta(
                seconds=min(exc.retry_after or 0, MAX_RETRY_AFTER)
            )
            feed.last_status, feed.last_error = (
                "deferred: waiting for a slot on its host",
                exc.reason,
            )
            feed.save()
            logger.info("feed_poll feed=%s deferred reason=%s", feed.pk, exc.reason)
            result.status, result.error = feed.last_status, exc.reason
            return result
        except (FetchError, FeedParseError) as exc:
            failure = (getattr(exc, "reason", None) or str(exc), getattr(exc, "retry_after", None))
        except Exception as exc:  # a bug, a library's surprise, the task's soft time limit
            failure = (unexpected_reason(exc), None)
            logger.exception("feed_poll feed=%s crashed reason=%s", feed.pk, failure[0])
        if failure is not None:
            reason, retry_after = failure
            _record_failure(feed, now=now, reason=reason, retry_after=retry_after)
            feed.save()
            logger.warning(
                "feed_poll feed=%s failed failures=%d disabled=%s reason=%s",
                feed.pk,
                feed.consecutive_failures,
                not feed.enabled,
                reason,
            )
            result.status, result.error = feed.last_status, reason
            return result

        if parsed is None:
            feed.last_status = "304 Not Modified"
        else:
            feed.etag = response.etag[:500]
            feed.last_modified = response.last_modified[:100]
            if parsed.title and not feed.title:
                feed.title = parsed.title
            status = f"{response.status} OK: {len(new_jobs)} new of {len(parsed.entries)}"
            feed.last_status = (status + (" (with warnings)" if parsed.warning else ""))[:100]
        feed.last_error = parsed.warning if parsed else ""
        feed.last_new_items = len(new_jobs)
        feed.consecutive_failures = 0
        _schedule(feed, now=now, new_items=len(new_jobs))
        feed.save()
        for job_id in new_jobs:
            transaction.on_commit(functools.partial(_queue_job, job_id))
    logger.info(
        "feed_poll feed=%s status=%r new=%d jobs=%s interval=%ds seconds=%.2f",
        feed.pk,
        feed.last_status,
        len(new_jobs),
        new_jobs,
        feed.poll_interval,
        time.monotonic() - started,
    )
    result.status, result.new_jobs = feed.last_status, new_jobs
    return result


def _jobs_for(feed: Feed, entries: list[FeedEntry]) -> list[int]:
    """One IngestJob per item this feed has not listed before (unique on feed + url)."""
    new = []
    for entry in entries:
        job, created = IngestJob.objects.get_or_create(
            feed=feed,
            url=entry.url,
            defaults={
                "kind": IngestJob.Kind.FEED_ITEM,
                "title": entry.title,
                "published_on": entry.published,
                "outlet": feed.outlet,
            },
        )
        if created:
            new.append(job.pk)
    return new


def feeds_due(*, now: dt.datetime | None = None) -> list[int]:
    now = now or timezone.now()
    return list(
        Feed.objects.filter(enabled=True, next_poll_at__lte=now)
        .order_by("next_poll_at")
        .values_list("pk", flat=True)
    )
