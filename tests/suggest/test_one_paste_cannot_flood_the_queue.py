"""One paste cannot flood the queue or fail in silence: its reading is bounded, files the
most confident suggestions, and says what it left; a failed reading says why, on the
article and its job, and an editor can run it again from the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import ReviewStatus, Stance, SuggestionRun
from claims.suggest.service import SuggestionsStopped, article_suggest
from sources.models import Article, IngestJob
from tests.suggest.conftest import article_of

pytestmark = pytest.mark.django_db


def a_long_paste(sentences: int) -> str:
    """Distinct statements on one claim: a paste of a whole archive, say."""
    return "\n\n".join(
        f"On day {n}, Pyongyang denied sending {n} artillery shells to Russia, KCNA said."
        for n in range(1, sentences + 1)
    )


def stored_by_a_job(text: str) -> Article:
    article = article_of(text)
    IngestJob.objects.create(
        kind=IngestJob.Kind.TEXT, status=IngestJob.Status.DONE, article=article, title="A story"
    )
    return article


def test_a_long_paste_files_the_budget_and_says_how_many_more(world, settings):
    settings.FACTCHECK_SUGGESTIONS_PER_ARTICLE = 25
    article = stored_by_a_job(a_long_paste(60))

    filed = article_suggest(article_id=article.pk)

    assert filed == 25
    assert Stance.objects.filter(article=article, status=ReviewStatus.SUGGESTED).count() == 25
    run = SuggestionRun.objects.get(article=article)
    assert (run.state, run.filed, run.withheld) == ("partial", 25, 35)
    assert run.summary == "Suggestions: 25 filed, 35 more past the budget of one article"
    assert IngestJob.objects.get(article=article).notes == run.summary


def test_the_most_confident_suggestions_are_the_ones_filed(world, settings):
    settings.FACTCHECK_SUGGESTIONS_PER_ARTICLE = 1
    article = stored_by_a_job(
        "Kyiv said that North Korea has probably sent shells to Russia.\n\n"
        "North Korea denied sending artillery shells to Russia, KCNA said."
    )

    article_suggest(article_id=article.pk)

    (stance,) = Stance.objects.filter(article=article)
    assert stance.quote_exact.startswith("North Korea denied")


def test_reading_stops_at_its_sentence_budget_and_says_so(world, settings):
    settings.FACTCHECK_SUGGEST_SENTENCES = 40
    settings.FACTCHECK_SUGGESTIONS_PER_ARTICLE = 100
    article = stored_by_a_job(a_long_paste(100))

    article_suggest(article_id=article.pk)

    run = SuggestionRun.objects.get(article=article)
    assert (run.state, run.sentences_read, run.sentences_total) == ("partial", 40, 100)
    assert "read the first 40 of 100 sentences" in run.reason
    last = Stance.objects.filter(article=article).order_by("-quote_start").first()
    assert last is not None and "On day 40," in last.quote_exact


def test_a_failed_reading_says_why_on_the_article_and_its_job(world, settings, client, editor):
    settings.FACTCHECK_SUGGEST_SECONDS = 0
    article = stored_by_a_job(a_long_paste(5))

    with pytest.raises(SuggestionsStopped):
        article_suggest(article_id=article.pk)

    run = SuggestionRun.objects.get(article=article)
    assert run.state == "failed"
    assert "reading took longer than 0 s; nothing was filed" in run.reason
    job = IngestJob.objects.get(article=article)
    assert job.notes == f"Suggestions failed: {run.reason}"
    client.force_login(editor)
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "Suggestions failed: stopped after 0 of 5 sentences" in page
    assert "Run suggestions again" in page


def test_an_editor_runs_them_again_from_the_admin_and_the_failure_note_goes(
    world, settings, admin_client, django_capture_on_commit_callbacks
):
    settings.FACTCHECK_SUGGEST_SECONDS = 0
    settings.CELERY_TASK_ALWAYS_EAGER = True
    article = stored_by_a_job(a_long_paste(5))
    with pytest.raises(SuggestionsStopped):
        article_suggest(article_id=article.pk)
    settings.FACTCHECK_SUGGEST_SECONDS = 60

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:sources_article_changelist"),
            {"action": "suggest_again", "_selected_action": [article.pk]},
            follow=True,
        )

    assert "Suggestions queued again for 1 article(s)" in response.content.decode()
    run = SuggestionRun.objects.get(article=article)
    assert (run.state, run.filed, run.reason) == ("done", 5, "")
    assert IngestJob.objects.get(article=article).notes == ""
    assert Stance.objects.filter(article=article).count() == 5
