"""Pasted text goes the same way: editor's title, date and outlet; plain text; stored once."""

import datetime as dt

import pytest

from sources.ingest import job_run
from sources.models import Article, IngestJob
from sources.services import ingest_text_submit
from tests.factories import OutletFactory
from tests.ingest import pages

pytestmark = pytest.mark.django_db


def paste(text: str, **kw) -> IngestJob:
    job = ingest_text_submit(text=text, **kw)
    job_run(job_id=job.pk)
    job.refresh_from_db()
    return job


def test_pasted_text_is_stored_with_the_editors_metadata(editor):
    outlet = OutletFactory(name="Reuters")
    seed = pages.seeds()["003"]
    job = paste(
        seed.text,
        title=seed.title,
        published_on=dt.date(2024, 9, 14),
        outlet=outlet,
        user=editor,
    )

    article = job.article
    assert job.status == IngestJob.Status.DONE
    assert article.origin == Article.Origin.PASTE
    assert article.canonical_url is None
    assert article.title == seed.title
    assert article.published_on == dt.date(2024, 9, 14)
    assert article.outlet == outlet
    assert article.text.split("\n\n") == seed.paragraphs
    assert job.created_by == editor


def test_html_in_pasted_text_is_dropped(editor):
    job = paste(
        "<p>Kim met Shoigu.</p><script>alert(1)</script><p onclick='x()'>Pyongyang denied it.</p>",
        title="<b>Pasted</b>",
    )
    assert job.article.text == "Kim met Shoigu.\n\nPyongyang denied it."
    assert job.article.title == "Pasted"
    # Not silently: the job says the markup went.
    assert "tags were removed" in job.notes


@pytest.mark.parametrize(
    "text",
    [
        "Fidelity delta: <<We deny everything>>, the ministry said.",
        "The rule held when a<b held and c>d failed.",
        "Scores: 3 < 4 and 5 > 2.\n\nA second paragraph, <kept> as typed.",
    ],
)
def test_angle_brackets_in_plain_text_are_text(text):
    job = paste(text, title="When a<b and c>d")
    assert job.status == IngestJob.Status.DONE
    assert job.article.text == text
    assert job.article.title == "When a<b and c>d"
    assert job.notes == ""


def test_pasting_the_same_text_twice_stores_it_once():
    text = pages.seeds()["002"].text
    first = paste(text, title="One")
    second = paste("  " + text.replace("\n\n", "\n\n\n") + "\n", title="Two")
    assert second.article == first.article
    assert Article.objects.count() == 1


def test_pasted_text_without_a_title_fails_with_the_reason():
    job = paste("Some text that nobody named.", title="  ")
    assert job.status == IngestJob.Status.FAILED
    assert job.error == "pasted text needs a title"


def test_a_pasted_list_keeps_its_items_apart_and_wrapped_lines_are_joined():
    job = paste(
        "Overview\n"
        "- Kenvue said there is no link between acetaminophen and autism.\n"
        "- The FDA said a causal relationship has not been established.\n"
        "\n"
        "A reporter's hard-wrapped paragraph goes on\n"
        "over two lines and ends here.\n",
        title="A list",
        published_on=dt.date(2025, 9, 23),
    )

    assert job.article.text.split("\n\n") == [
        "Overview",
        "- Kenvue said there is no link between acetaminophen and autism.",
        "- The FDA said a causal relationship has not been established.",
        "A reporter's hard-wrapped paragraph goes on over two lines and ends here.",
    ]
