"""Ingestion: one IngestJob (a URL, a feed item or pasted text) to one stored article.

fetch (sources/fetch/) -> extract (sources/extract.py) -> dedupe (sources/dedupe.py)
-> store once -> announce it (sources/signals.py: article_stored, articles_demoted; claims
queues its suggestions on them).

Store once, whatever the number of workers or retries:
- a job that is done is not run again; a URL already stored is not fetched again;
- the near-duplicate index is the ArticleBand table (the LSH bands of every stored
  article, written in the article's transaction), shared by every worker;
- before looking up its candidates a store takes a transaction-level advisory lock on each
  of its bands (sorted, so two stores never wait for each other in a circle): two workers
  storing near-copies of one story at the same moment share a band, so the second waits
  for the first to commit and then finds it. Linking a copy to its original (or demoting a
  group) also takes STORE_LOCK, after the band locks, so two links never cross;
- exact copies have the same bands, so they are serialised the same way, and the unique
  constraint on canonical_url stays the last word: an IntegrityError there means someone
  stored the page first, and we take their row.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
from celery.exceptions import SoftTimeLimitExceeded
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone

from sources import dedupe
from sources.extract import (
    ExtractionError,
    decode_html,
    extract_page,
    looks_like_html,
    normalize_pasted_text,
    plain_text,
)
from sources.fetch import HTML_TYPES, TEXT_TYPES, fetch
from sources.fetch.errors import FetchError
from sources.models import Article, ArticleBand, IngestJob, IngestStatus, Outlet, content_hash
from sources.signals import article_stored, articles_demoted

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key for "link articles as copies" (any constant unique to us).
STORE_LOCK = 0x5F1C_A71C
# pg_advisory_xact_lock(BAND_LOCK, key) for each band of an article being stored (the
# two-key form, apart from STORE_LOCK's; alerts/services.py uses another first key).
BAND_LOCK = 0x5F1C_0BAD


def unexpected_reason(exc: BaseException) -> str:
    """What the editor reads for an error nobody planned for (the traceback goes to the log)."""
    if isinstance(exc, SoftTimeLimitExceeded):
        return "stopped by the task's time limit before it finished"
    detail = " ".join(str(exc).split())[:300]
    return f"unexpected error: {type(exc).__name__}" + (f": {detail}" if detail else "")


class TransientIngestError(Exception):
    """A failure worth retrying (timeout, 5xx, 429); the task retries with backoff."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass
class ArticleDraft:
    url: str
    canonical_url: str | None
    title: str
    text: str
    html: str = ""
    byline: str = ""
    language: str = ""
    published_on: dt.date | None = None
    outlet: Outlet | None = None
    feed_id: int | None = None
    origin: str = Article.Origin.URL
    original_url: str = ""


# Origins whose text came over HTTP (pasted text and the demo's seeds were not fetched).
_FETCHED = {Article.Origin.URL, Article.Origin.FEED}


# --- the near-duplicate index: the ArticleBand table -------------------------------

_BAND_TABLE = ArticleBand._meta.db_table
_ARTICLE_TABLE = Article._meta.db_table


def _band_lock_key(band: int, value: int) -> int:
    """A 31-bit advisory lock key for one (band, hash); a collision only makes a store wait."""
    folded = (value ^ (value >> 32) ^ (band * 0x9E3779B1)) & 0x7FFF_FFFF
    return folded


def _lock_bands(band_hashes: list[int]) -> None:
    """Take this transaction's advisory lock on each band, in ascending order of key."""
    keys = sorted({_band_lock_key(band, value) for band, value in enumerate(band_hashes)})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s, k))"
            " FROM (SELECT k FROM unnest(%s::int[]) AS k ORDER BY k) AS keys",
            [BAND_LOCK, keys],
        )


def _write_bands(article_id: int, band_hashes: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_BAND_TABLE} (article_id, band, hash)"  # noqa: S608 (our table)
            " SELECT %s, b, h FROM unnest(%s::smallint[], %s::bigint[]) AS q(b, h)",
            [article_id, list(range(len(band_hashes))), band_hashes],
        )


def _band_candidates(band_hashes: list[int]) -> list[tuple[int, object, int]]:
    """(id, stored signature, id of its original) of the stored articles sharing a band:
    one indexed query."""
    with connection.cursor() as cursor:
        cursor.execute(
            # The distinct matching ids first (index probes), then those rows by primary key.
            f"SELECT a.id, a.minhash, coalesce(a.duplicate_of_id, a.id)"  # noqa: S608
            f" FROM (SELECT DISTINCT b.article_id FROM {_BAND_TABLE} b"
            " JOIN unnest(%s::smallint[], %s::bigint[]) AS q(band, hash)"
            " ON b.band = q.band AND b.hash = q.hash) AS c"
            f" JOIN {_ARTICLE_TABLE} a ON a.id = c.article_id",
            [list(range(len(band_hashes))), band_hashes],
        )
        # Django reads jsonb as text in raw queries (JSONField parses it itself).
        return [
            (pk, json.loads(data) if isinstance(data, str) else data, group)
            for pk, data, group in cursor.fetchall()
        ]


@dataclass
class Match:
    article: Article
    kind: str
    similarity: float


def _near_duplicate(
    own: np.ndarray,
    minhash: np.ndarray,
    band_hashes: list[int],
    exclude: frozenset[int] = frozenset(),
) -> Match | None:
    """The stored article these shingles copy, verified on exact shingles; None if none.

    ``exclude``: ids that do not count (a stored article re-checked, and its copies).
    """
    if len(own) < dedupe.MIN_SHINGLES:
        return None
    stored = []
    for pk, data, group in _band_candidates(band_hashes):
        signature = dedupe.signature_from_json(data) if pk not in exclude else None
        if signature is not None:
            stored.append((pk, signature, group))
    ids = dedupe.likeliest(minhash, stored)
    if not ids:
        return None
    # Not the display HTML, the signature or the search vector: only the text is compared.
    rows = Article.objects.filter(pk__in=ids).defer("html", "minhash", "search_vector")
    found = {a.pk: a for a in rows}
    best: Match | None = None
    for candidate in found.values():
        sim = dedupe.similarity(own, candidate.text)
        kind = dedupe.copy_kind(sim)
        if kind and (best is None or sim.jaccard > best.similarity):
            best = Match(candidate, kind, round(sim.jaccard, 4))
    return best


def _earlier(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and (b is None or a < b)


def _wire_original(article: Article) -> None:
    """Mark a wire story carried by another outlet (dateline "(AP) —") as republished."""
    credit = dedupe.wire_credit(article.text)
    if credit is None:
        return
    name, domain = dedupe.WIRE_CREDITS[credit]
    outlet = article.outlet
    if outlet is not None and (outlet.name == name or domain in (outlet.domain or "")):
        return
    wire, _ = Outlet.objects.get_or_create(
        name=name, defaults={"domain": domain, "is_wire_service": True}
    )
    article.original_outlet = wire
    article.duplicate_kind = Article.DuplicateKind.REPUBLISHED


def _adopt_as_original(article: Article, match: Match) -> None:
    """``article`` is older than the one it matches: it becomes the original of them all.

    The matched article's original and its copies become copies of ``article``, with its
    date; articles_demoted tells whoever keeps work on them (claims withdraws their
    suggestions still waiting for review).
    """
    old = match.article.original
    demoted = list(Article.objects.filter(Q(pk=old.pk) | Q(duplicate_of=old)))
    for row in demoted:
        if row.page_date is None and row.published_on != article.published_on:
            row.page_date = row.published_on
        row.published_on = article.published_on
        row.duplicate_of = article
        if row.pk == old.pk:
            row.duplicate_kind, row.duplicate_similarity = match.kind, match.similarity
        row.save(
            update_fields=[
                "page_date",
                "published_on",
                "duplicate_of",
                "duplicate_kind",
                "duplicate_similarity",
            ]
        )
    articles_demoted.send(sender=Article, articles=demoted, original=article)


def _stored_under(canonical: str) -> Article | None:
    """The article stored under this canonical URL or its http/https, www/no-www spelling."""
    variants = dedupe.url_variants(canonical)
    found = list(Article.objects.filter(canonical_url__in=variants))
    found.sort(key=lambda article: (variants.index(article.canonical_url or ""), article.pk))
    return found[0] if found else None


def article_store(*, draft: ArticleDraft) -> tuple[Article, bool]:
    """Store the draft unless we have it; returns (article, created).

    Locking: takes the STORE_LOCK advisory lock for the rest of the caller's transaction
    (or its own), so run it inside a short transaction with no network calls.
    """
    own = dedupe.shingles(draft.text)
    minhash = dedupe.signature(own)
    band_hashes = dedupe.bands(minhash)
    with transaction.atomic():
        _lock_bands(band_hashes)
        if draft.canonical_url:
            existing = _stored_under(draft.canonical_url)
            if existing is not None:
                return existing, False
        same = (
            Article.objects.filter(content_hash=content_hash(draft.text))
            .order_by(F("published_on").asc(nulls_last=True), "pk")
            .first()
        )
        if same is not None and not draft.canonical_url:
            return same, False  # pasted text we already have, word for word
        match = _near_duplicate(own, minhash, band_hashes) if same is None else None
        if same is not None:
            # Word for word: the same page under another URL ("exact"), or the story
            # carried by another outlet ("republished", the wire-copy case).
            other_outlet = draft.outlet is not None and same.outlet_id not in (
                None,
                draft.outlet.pk,
            )
            kind = (
                Article.DuplicateKind.REPUBLISHED if other_outlet else Article.DuplicateKind.EXACT
            )
            match = Match(same, kind, 1.0)
        article = Article(
            url=draft.url,
            canonical_url=draft.canonical_url,
            outlet=draft.outlet,
            feed_id=draft.feed_id,
            origin=draft.origin,
            title=draft.title[:1000],
            byline=draft.byline[:500],
            published_on=draft.published_on,
            language=draft.language,
            text=draft.text,
            html=draft.html,
            minhash=dedupe.signature_to_json(minhash),
            original_url=draft.original_url[:2000],
            fetched_at=timezone.now() if draft.origin in _FETCHED else None,
        )
        adopt = False
        if match is not None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK])
            # Under the lock: the group may have been linked meanwhile.
            match.article.refresh_from_db(fields=["duplicate_of"])
            original = match.article.original
            if _earlier(article.published_on, original.published_on):
                adopt = True  # we are older: the stored one is the copy
            else:
                article.duplicate_of = original
                article.duplicate_kind = match.kind
                article.duplicate_similarity = match.similarity
                if original.published_on and article.published_on != original.published_on:
                    # The earliest original date wins; the page's own date is kept apart.
                    article.page_date = article.published_on
                    article.published_on = original.published_on
        if article.duplicate_of is None:
            _wire_original(article)
        try:
            with transaction.atomic():
                article.save()
        except IntegrityError:
            existing = Article.objects.filter(canonical_url=draft.canonical_url).first()
            if existing is None:
                raise
            return existing, False
        _write_bands(article.pk, band_hashes)
        if adopt and match is not None:
            _adopt_as_original(article, match)
        article_stored.send(sender=Article, article=article)
    logger.info(
        "article_stored article=%s feed=%s canonical=%s duplicate_of=%s kind=%s similarity=%s",
        article.pk,
        draft.feed_id,
        draft.canonical_url,
        article.duplicate_of_id,
        article.duplicate_kind or "-",
        article.duplicate_similarity,
    )
    return article, True


# --- stored articles checked again (manage.py dedupe) ------------------------------


@dataclass(frozen=True)
class Recheck:
    """What checking one stored article again did."""

    article_id: int
    signed: bool = False  # its MinHash signature was missing (or stale) and is stored now
    linked_to: int | None = None  # the original it, or a copy group, was linked to
    kind: str = ""
    demoted: tuple[int, ...] = ()  # the articles that became copies


def _signature_of(article: Article) -> tuple[np.ndarray, bool]:
    """The article's stored signature, or a new one when it has none (or a stale one)."""
    minhash = dedupe.signature_from_json(article.minhash)
    if minhash is not None:
        return minhash, False
    minhash = dedupe.signature(article.text)
    article.minhash = dedupe.signature_to_json(minhash)
    Article.objects.filter(pk=article.pk).update(minhash=article.minhash)
    return minhash, True


def _same_text(article: Article, exclude: frozenset[int]) -> Match | None:
    """Another stored article with word-for-word the same text, as ingestion would link it."""
    same = (
        Article.objects.filter(content_hash=article.content_hash)
        .exclude(pk__in=exclude)
        .order_by(F("published_on").asc(nulls_last=True), "pk")
        .first()
    )
    if same is None:
        return None
    other_outlet = article.outlet_id is not None and same.outlet_id not in (
        None,
        article.outlet_id,
    )
    kind = Article.DuplicateKind.REPUBLISHED if other_outlet else Article.DuplicateKind.EXACT
    return Match(same, kind, 1.0)


def _first(a: Article, b: Article) -> bool:
    """Whether ``a`` is the original of the two: the earlier date, else the one stored first."""
    if _earlier(a.published_on, b.published_on):
        return True
    return a.published_on == b.published_on and a.pk < b.pk


def article_recheck(*, article_id: int) -> Recheck:
    """Check one stored article for copies again, as ingestion checks a new one.

    For articles stored before their copies could be seen (no signature: the demo data
    loaded before it went through ingestion, rows written by other means), and after
    the thresholds change. The signature is computed when it is missing; an original
    that copies another stored story, or is copied by one, is linked the way
    ``article_store`` links a new article: the earlier date is the original, its
    group takes the other group in, articles_demoted is sent for the demoted.
    Idempotent: a copy is left as it is, and an original already linked finds only
    articles of its own group, which do not count.

    Locking: one short transaction under the article's band locks, then STORE_LOCK (the
    order ingestion takes them in), so it never races an ingestion and a run stopped
    between two articles leaves each one checked or not.
    """
    with transaction.atomic():
        article = Article.objects.filter(pk=article_id).first()
        if article is None:
            return Recheck(article_id)
        minhash, signed = _signature_of(article)
        band_hashes = dedupe.bands(minhash)
        _lock_bands(band_hashes)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK])
        article = Article.objects.select_for_update().filter(pk=article_id).first()
        if article is None:
            return Recheck(article_id)
        if signed or not ArticleBand.objects.filter(article=article).exists():
            ArticleBand.objects.filter(article=article).delete()
            _write_bands(article.pk, band_hashes)
        if article.duplicate_of_id is not None:
            return Recheck(article_id, signed=signed)
        own = frozenset([article.pk, *article.copies.values_list("pk", flat=True)])
        match = _same_text(article, own) or _near_duplicate(
            dedupe.shingles(article.text), minhash, band_hashes, own
        )
        if match is None:
            return Recheck(article_id, signed=signed)
        other = match.article.original
        if _first(article, other):
            original, taken = article, Match(other, match.kind, match.similarity)
        else:
            original, taken = other, Match(article, match.kind, match.similarity)
        demoted = [taken.article.pk, *taken.article.copies.values_list("pk", flat=True)]
        _adopt_as_original(original, taken)
    logger.info(
        "article_rechecked article=%s original=%s kind=%s demoted=%s",
        article_id,
        original.pk,
        taken.kind,
        demoted,
    )
    return Recheck(
        article_id, signed=signed, linked_to=original.pk, kind=taken.kind, demoted=tuple(demoted)
    )


# --- jobs ---------------------------------------------------------------------


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _domain(outlet: Outlet) -> str:
    return (outlet.domain or "").strip().lower().removeprefix("www.")


def _serves(outlet: Outlet, host: str) -> bool:
    domain = _domain(outlet)
    return bool(domain) and (host == domain or host.endswith("." + domain))


def _host_domains(host: str) -> list[str]:
    """The domains an outlet serving this host may be filed under, most specific first."""
    labels = host.split(".")
    if len(labels) < 3 or host.replace(".", "").isdigit():
        return [host]
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def _outlet_for(job: IngestJob, sitename: str, url: str) -> Outlet | None:
    """The outlet of a fetched page: the job's or feed's, else the one that owns its host.

    A page names its site (og:site_name) as it likes, so the name never picks an outlet:
    the host does. The name only christens a new outlet for a host we do not know, and
    if another domain's outlet has that name already the new one says whose it is ("The
    Hill (evil.example)"), so a page cannot pass as The Hill or as a wire service.
    """
    if job.outlet_id:
        return job.outlet
    if job.feed_id and job.feed and job.feed.outlet_id:
        return job.feed.outlet
    host = _host(url)
    if not host:
        return None
    domains = _host_domains(host)
    known = [
        outlet
        for outlet in Outlet.objects.annotate(_domain=Lower(Trim("domain"))).filter(
            _domain__in=domains + [f"www.{d}" for d in domains]
        )
        if _serves(outlet, host)
    ]
    if known:
        return max(known, key=lambda o: (len(_domain(o)), -o.pk))
    name = sitename.strip()[:200] or host[:200]
    for candidate in (name, f"{name[: 196 - len(host)]} ({host})", host[:200]):
        outlet, created = Outlet.objects.get_or_create(name=candidate, defaults={"domain": host})
        if created or _serves(outlet, host):
            return outlet
    return None


def _already_stored(url: str) -> Article | None:
    found = _stored_under(dedupe.canonical_url(url))
    if found is None:
        done = (
            IngestJob.objects.filter(url=url, article__isnull=False)
            .select_related("article")
            .first()
        )
        found = done.article if done else None
    return found


def _draft_from_url(job: IngestJob) -> ArticleDraft | Article:
    stored = _already_stored(job.url)
    if stored is not None:
        return stored
    response = fetch(job.url, accept=HTML_TYPES | TEXT_TYPES)
    origin = Article.Origin.FEED if job.kind == IngestJob.Kind.FEED_ITEM else Article.Origin.URL
    if response.content_type in TEXT_TYPES:
        text = normalize_pasted_text(decode_html(response.content, response.charset))
        if len(text) < 200:
            raise ExtractionError("the plain-text document is too short to be an article")
        title = job.title or plain_text(text.split("\n", 1)[0])[:200]
        return ArticleDraft(
            url=response.url,
            canonical_url=dedupe.canonical_url(response.url),
            title=title,
            text=text,
            published_on=job.published_on,
            outlet=_outlet_for(job, "", response.url),
            feed_id=job.feed_id,
            origin=origin,
        )
    page = decode_html(response.content, response.charset)
    extracted = extract_page(page, url=response.url)
    canonical = dedupe.choose_canonical(fetched_url=response.url, declared=extracted.canonical_url)
    return ArticleDraft(
        url=response.url,
        canonical_url=canonical,
        title=extracted.title or job.title or "(untitled)",
        text=extracted.text,
        html=extracted.html,
        byline=extracted.byline,
        language=extracted.language,
        published_on=extracted.date or job.published_on,
        outlet=_outlet_for(job, extracted.sitename, response.url),
        feed_id=job.feed_id,
        origin=origin,
        # A canonical link to another site names where the story came from.
        original_url=dedupe.original_url(
            fetched_url=response.url, declared=extracted.canonical_url
        ),
    )


def _draft_from_text(job: IngestJob) -> ArticleDraft:
    text = normalize_pasted_text(job.text)
    if looks_like_html(job.text):
        job.notes = "the pasted text was HTML: its tags were removed, its text and paragraphs kept"
    if not text:
        raise ExtractionError("the pasted text is empty")
    if not job.title.strip():
        raise ExtractionError("pasted text needs a title")
    return ArticleDraft(
        url=job.url,
        canonical_url=None,
        title=plain_text(job.title) if looks_like_html(job.title) else " ".join(job.title.split()),
        text=text,
        published_on=job.published_on,
        outlet=job.outlet,
        origin=Article.Origin.PASTE,
    )


def job_run(*, job_id: int, final_attempt: bool = True) -> Article | None:
    """Run one IngestJob to a stored article; idempotent (a done job returns its article).

    Permanent failures (404, refused address, not an article...) and transient ones on the
    final attempt mark the job failed with a readable reason. Other transient failures
    raise TransientIngestError for the task to retry. Anything else (a bug, a library's
    surprise, the task's soft time limit) fails the job with what it was, and its traceback
    goes to the log; articles stored before are not touched.
    """
    job = IngestJob.objects.select_related("feed__outlet", "outlet").filter(pk=job_id).first()
    if job is None:
        return None
    if job.status == IngestStatus.DONE:
        return job.article
    IngestJob.objects.filter(pk=job.pk).update(
        status=IngestStatus.RUNNING, attempts=F("attempts") + 1, updated_at=timezone.now()
    )
    job.refresh_from_db(fields=["attempts"])
    try:
        draft = _draft_from_text(job) if job.kind == IngestJob.Kind.TEXT else _draft_from_url(job)
        if isinstance(draft, Article):
            article, created = draft, False
        else:
            article, created = article_store(draft=draft)
    except (FetchError, ExtractionError) as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        transient = getattr(exc, "transient", False)
        if transient and not final_attempt:
            job.status, job.error = (
                IngestStatus.QUEUED,
                f"attempt {job.attempts}: {reason}; retrying",
            )
            job.save(update_fields=["status", "error", "updated_at"])
            logger.info(
                "ingest_job job=%s retry attempt=%d reason=%s", job.pk, job.attempts, reason
            )
            raise TransientIngestError(reason, getattr(exc, "retry_after", None)) from exc
        if transient:
            reason = f"{reason} (gave up after {job.attempts} attempts)"
        job.status, job.error = IngestStatus.FAILED, reason
        job.save(update_fields=["status", "error", "updated_at"])
        logger.warning("ingest_job job=%s failed url=%s reason=%s", job.pk, job.url, reason)
        return None
    except Exception as exc:
        reason = unexpected_reason(exc)
        logger.exception("ingest_job job=%s crashed url=%s reason=%s", job.pk, job.url, reason)
        job.status, job.error = IngestStatus.FAILED, reason
        job.save(update_fields=["status", "error", "updated_at"])
        return None
    job.status, job.error, job.article = IngestStatus.DONE, "", article
    job.save(update_fields=["status", "error", "notes", "article", "updated_at"])
    logger.info(
        "ingest_job job=%s done article=%s created=%s feed=%s",
        job.pk,
        article.pk,
        created,
        job.feed_id,
    )
    return article
