"""manage.py ingest <feed-or-article-url-or-path>...: bring articles in now, and say what happened.

- a feed URL (or a URL that turns out to be a feed) is added as a Feed and polled;
- an article URL becomes an IngestJob;
- a local .xml/.rss/.atom file is read as a feed whose items are fetched;
- a local .html file is extracted as a page (no fetch); --url names where it came from;
- a local .txt file is pasted text (--title, --date, --outlet).
Jobs run here, one after the other with progress, unless --queue hands them to Celery.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sources import dedupe
from sources.extract import ExtractionError, decode_html, extract_page
from sources.feeds import FeedParseError, feed_parse, feed_poll
from sources.fetch import XML_TYPES, fetch
from sources.fetch.errors import FetchError
from sources.ingest import ArticleDraft, article_store, job_run
from sources.jobs import ingest_job_run
from sources.models import Article, Feed, IngestJob, Outlet
from sources.services import ingest_text_submit

FEED_SUFFIXES = {".xml", ".rss", ".atom"}


def _looks_like_feed(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


class Command(BaseCommand):
    help = "Ingest feeds, article URLs or local files now (or --queue them for the workers)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("targets", nargs="+", help="feed URL, article URL or file path")
        parser.add_argument("--queue", action="store_true", help="queue jobs for Celery")
        parser.add_argument("--title", default="", help="title of a pasted .txt file")
        parser.add_argument("--date", default="", help="publication date (YYYY-MM-DD) of a .txt")
        parser.add_argument("--outlet", default="", help="outlet name for a .txt or .html file")
        parser.add_argument("--url", default="", help="where a local .html file came from")

    def handle(self, *args: Any, **options: Any) -> None:
        self.options = options
        failures = 0
        for target in options["targets"]:
            try:
                if target.startswith(("http://", "https://")):
                    self._url(target)
                else:
                    self._path(Path(target))
            except (FetchError, FeedParseError, ExtractionError) as exc:
                failures += 1
                self.stderr.write(f"{target}: {getattr(exc, 'reason', None) or exc}")
        if failures:
            raise CommandError(f"{failures} of {len(options['targets'])} targets failed")

    # --- URLs -------------------------------------------------------------------

    def _url(self, url: str) -> None:
        feed = Feed.objects.filter(url=url).first()
        if feed is None:
            response = fetch(url)
            if response.content_type in XML_TYPES or _looks_like_feed(response.content):
                feed = Feed.objects.create(url=url)
                self.stdout.write(f"feed {feed.pk} added: {url}")
        if feed is None:
            job = IngestJob.objects.create(kind=IngestJob.Kind.URL, url=url)
            self._run([job.pk])
            return
        result = feed_poll(feed_id=feed.pk, force=True)
        feed.refresh_from_db()
        self.stdout.write(f"feed {feed.pk} polled: {feed.last_status}")
        if result is None:
            self.stdout.write("  (another worker is polling this feed right now)")
            return
        if result.error:
            raise FetchError(result.error)
        self._run(result.new_jobs)

    # --- files ------------------------------------------------------------------

    def _path(self, path: Path) -> None:
        if not path.is_file():
            raise CommandError(f"{path}: no such file (and not an http(s) URL)")
        suffix = path.suffix.lower()
        body = path.read_bytes()
        if suffix in FEED_SUFFIXES or _looks_like_feed(body):
            parsed = feed_parse(body, url=self.options["url"])
            self.stdout.write(f"{path}: feed with {len(parsed.entries)} items")
            jobs = [
                IngestJob.objects.create(
                    kind=IngestJob.Kind.URL,
                    url=entry.url,
                    title=entry.title,
                    published_on=entry.published,
                )
                for entry in parsed.entries
            ]
            self._run([job.pk for job in jobs])
        elif suffix in {".html", ".htm", ".xhtml"}:
            self._html_file(path, body)
        else:
            self._text_file(path, body)

    def _outlet(self) -> Outlet | None:
        name = self.options["outlet"]
        return Outlet.objects.get_or_create(name=name)[0] if name else None

    def _html_file(self, path: Path, body: bytes) -> None:
        url = self.options["url"]
        extracted = extract_page(decode_html(body), url=url or path.resolve().as_uri())
        canonical = None
        if url:
            canonical = dedupe.choose_canonical(fetched_url=url, declared=extracted.canonical_url)
        article, created = article_store(
            draft=ArticleDraft(
                url=url,
                canonical_url=canonical,
                title=self.options["title"] or extracted.title or path.stem,
                text=extracted.text,
                html=extracted.html,
                byline=extracted.byline,
                language=extracted.language,
                published_on=extracted.date or self._date(),
                outlet=self._outlet(),
            )
        )
        self._report(f"{path}" + ("" if created else " (already stored)"), article)

    def _text_file(self, path: Path, body: bytes) -> None:
        text = decode_html(body)
        title = self.options["title"] or text.strip().split("\n", 1)[0][:200]
        fields: dict[str, Any] = {
            "text": text,
            "title": title,
            "published_on": self._date(),
            "outlet": self._outlet(),
        }
        if self.options["queue"]:
            job = ingest_text_submit(**fields)
            self.stdout.write(f"{path}: job {job.pk} queued")
        else:
            job = IngestJob.objects.create(kind=IngestJob.Kind.TEXT, **fields)
            self._run([job.pk])

    def _date(self) -> dt.date | None:
        value = self.options["date"]
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise CommandError(f"--date {value!r} is not YYYY-MM-DD") from None

    # --- running jobs -------------------------------------------------------------

    def _run(self, job_ids: list[int]) -> None:
        if self.options["queue"]:
            for job_id in job_ids:
                ingest_job_run.delay(job_id)
            self.stdout.write(f"{len(job_ids)} jobs queued for the workers")
            return
        total = len(job_ids)
        for n, job_id in enumerate(job_ids, start=1):
            article = job_run(job_id=job_id)
            job = IngestJob.objects.get(pk=job_id)
            prefix = f"[{n}/{total}] job {job_id} {job.url or job.title[:60]}"
            if article is None:
                self.stdout.write(self.style.WARNING(f"{prefix}: failed: {job.error}"))
            else:
                self._report(prefix, article)

    def _report(self, prefix: str, article: Article) -> None:
        line = f"{prefix}: article {article.pk} '{article.title[:70]}'"
        if article.published_on:
            line += f" ({article.published_on})"
        if article.duplicate_of_id:
            line += (
                f", {article.get_duplicate_kind_display().lower()} of article "
                f"{article.duplicate_of_id} (similarity {article.duplicate_similarity})"
            )
        elif article.duplicate_kind:
            line += f", {article.get_duplicate_kind_display().lower()}"
        self.stdout.write(self.style.SUCCESS(line))
