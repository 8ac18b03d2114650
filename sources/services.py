"""Writes on sources, feeds and articles: sources with their aliases, submitting URLs and text
for ingestion, feeds."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone

from sources.jobs import ingest_job_publish
from sources.models import Feed, IngestJob, Outlet, Source, SourceAlias, normalize_alias
from sources.tasks import feed_poll

logger = logging.getLogger(__name__)


# --- Sources and their aliases ----------------------------------------------------


@dataclass(frozen=True)
class AliasProblem:
    """What is wrong with one alias of the list given for a source."""

    index: int  # where it stands in the list
    alias: str
    kind: Literal["blank", "repeated", "taken"]
    # "repeated": the earlier spelling it repeats; "taken": the source that has it.
    same_as: str = ""
    owner: Source | None = None


def source_aliases_check(
    *, aliases: Sequence[str], source: Source | None = None, against_stored: bool = True
) -> list[AliasProblem]:
    """What is wrong with ``aliases`` as the whole list of ``source``'s aliases (a new one: None).

    An alias with no letter or digit is "blank"; one that normalises like an earlier one
    (case, punctuation and a leading "the" do not count) is "repeated". When the list
    itself is sound and ``against_stored``, an alias another source has is "taken", the
    clashes ordered by the stored alias. The rest in list order; empty when all is well.
    """
    problems: list[AliasProblem] = []
    seen: dict[str, str] = {}
    first_at: dict[str, int] = {}
    for index, alias in enumerate(aliases):
        key = normalize_alias(alias)
        if not key:
            problems.append(AliasProblem(index, alias, "blank"))
        if key in seen:
            problems.append(AliasProblem(index, alias, "repeated", same_as=seen[key]))
        else:
            seen[key], first_at[key] = alias, index
    if problems or not against_stored:
        return problems
    clashes = SourceAlias.objects.filter(normalized__in=seen).select_related("source")
    if source is not None and source.pk is not None:
        clashes = clashes.exclude(source=source)
    return [
        AliasProblem(
            first_at[clash.normalized], seen[clash.normalized], "taken", owner=clash.source
        )
        for clash in clashes
    ]


def _aliases_add(source: Source, aliases: Iterable[str]) -> None:
    SourceAlias.objects.bulk_create(
        SourceAlias(source=source, alias=alias, normalized=normalize_alias(alias))
        for alias in aliases
    )


@transaction.atomic
def source_create(
    *,
    name: str,
    slug: str,
    kind: str,
    country: str = "",
    parent: Source | None = None,
    description: str = "",
    aliases: Iterable[str] = (),
) -> Source:
    """Register a source with its aliases.

    The caller has checked them (source_aliases_check; the admin's forms and the API's
    serializer do): an alias left unchecked that clashes is refused by the database.
    """
    source = Source.objects.create(
        name=name, slug=slug, kind=kind, country=country, parent=parent, description=description
    )
    _aliases_add(source, aliases)
    return source


def source_alias_add(*, source: Source, alias: str) -> bool:
    """Give ``source`` one more alias; False when it already has it (in normalised form).

    The caller has checked it is nobody else's (source_aliases_check); the database refuses
    one that is.
    """
    if SourceAlias.objects.filter(source=source, normalized=normalize_alias(alias)).exists():
        return False
    _aliases_add(source, [alias])
    return True


@transaction.atomic
def source_update(
    *, source: Source, aliases: Iterable[str] | None = None, **changes: Any
) -> Source:
    """Change a source's fields; ``aliases``, when given, replace all its aliases.

    Checked by the caller, as for source_create (and Source.would_be_own_ancestor for
    a new parent).
    """
    for field, value in changes.items():
        setattr(source, field, value)
    source.save()
    if aliases is not None:
        source.aliases.all().delete()
        _aliases_add(source, aliases)
    return source


# --- Ingestion and feeds ----------------------------------------------------------


def _queue(job: IngestJob) -> None:
    transaction.on_commit(lambda: ingest_job_publish(job_id=job.pk))


def ingest_url_submit(*, url: str, user: Any = None, outlet: Outlet | None = None) -> IngestJob:
    """Queue the fetch and extraction of one article URL; the job tells how it went."""
    job = IngestJob.objects.create(
        kind=IngestJob.Kind.URL,
        url=url,
        outlet=outlet,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    _queue(job)
    return job


def ingest_text_submit(
    *,
    text: str,
    title: str,
    published_on: dt.date | None = None,
    outlet: Outlet | None = None,
    url: str = "",
    user: Any = None,
) -> IngestJob:
    """Queue pasted text (no HTML) with the editor's title, date and outlet.

    NUL characters are dropped: PostgreSQL text cannot hold them, and they carry nothing.
    """
    job = IngestJob.objects.create(
        kind=IngestJob.Kind.TEXT,
        text=text.replace("\x00", ""),
        title=title.replace("\x00", ""),
        published_on=published_on,
        outlet=outlet,
        url=url,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    _queue(job)
    return job


def ingest_jobs_note(*, article_id: int, note: str, replace_prefix: str = "") -> int:
    """Tell the jobs that stored an article what happened to it later (suggestions that
    stopped or failed); how many jobs. A note starting with ``replace_prefix`` replaces an
    earlier one with that start, so that a reading run again leaves one line, not two."""
    updated = 0
    for job in IngestJob.objects.filter(article_id=article_id).only("pk", "notes"):
        lines = [
            line
            for line in job.notes.splitlines()
            if not (replace_prefix and line.startswith(replace_prefix))
        ]
        if note:
            lines.append(note)
        job.notes = "\n".join(lines)
        job.save(update_fields=["notes", "updated_at"])
        updated += 1
    return updated


def feed_enable(*, feed: Feed, poll_now: bool = False) -> Feed:
    """Enable a feed with a clean slate, and with `poll_now` queue a poll on commit.

    A feed disabled after N failures in a row keeps its count, its reason and its backoff;
    enabled as it stood, its next failure would disable it again at once. The last status
    and error stay, as the record of what went wrong.
    """
    Feed.objects.filter(pk=feed.pk).update(
        enabled=True, consecutive_failures=0, disabled_reason="", next_poll_at=timezone.now()
    )
    feed.refresh_from_db(
        fields=["enabled", "consecutive_failures", "disabled_reason", "next_poll_at"]
    )
    logger.info("feed_enabled feed=%s poll_now=%s", feed.pk, poll_now)
    if poll_now:
        transaction.on_commit(lambda: feed_poll.delay(feed.pk, True))
    return feed
