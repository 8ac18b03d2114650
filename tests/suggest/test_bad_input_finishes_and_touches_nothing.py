"""Whatever the article, suggestions finish or stop with a reason, and touch nothing stored."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from claims.models import ReviewStatus, Stance
from claims.suggest.service import SuggestionsStopped, article_suggest
from claims.tasks import suggest_stances_for_article
from tests.suggest.conftest import article_of

pytestmark = pytest.mark.django_db
WORDS = [
    "North",
    "Korea",
    "denied",
    "sending",
    "ammunition",
    "to",
    "Russia",
    "Moscow",
    "said",
    "Pyongyang",
    "the",
    "United",
    "States",
    "accused",
    "Kirby",
]


def one_megabyte_line() -> str:
    rng = random.Random(9)
    return " ".join(rng.choice(WORDS) for _ in range(170_000))[:1_000_000]


def ten_thousand_one_word_sentences() -> str:
    rng = random.Random(10)
    return " ".join(f"{rng.choice(WORDS).capitalize()}." for _ in range(10_000))


def speakers_in_one_sentence(count: int) -> str:
    names = ["the United States", "Seoul", "Kyiv", "Washington", "Moscow"]
    listed = ", ".join(names[i % len(names)] for i in range(count))
    return f"North Korea supplies ammunition to Russia, {listed} and Tokyo said."


BAD_INPUTS = {
    "a 1 MB single-line text": one_megabyte_line,
    "10,000 one-word sentences": ten_thousand_one_word_sentences,
    "only punctuation": lambda: "!?.,;:—–-()[]{}«»“”‘’ " * 20_000,
    "mixed scripts": lambda: (
        "Северная Корея 北朝鮮 كوريا الشمالية North Korea denied ammunition. " * 2_000
    ),
    "500 speakers in one sentence": lambda: speakers_in_one_sentence(500),
    "the same sentence 10,000 times": lambda: (
        "Pyongyang denied sending ammunition to Russia, KCNA said. " * 10_000
    ),
}


def stored_stances() -> list[tuple]:
    return list(
        Stance.objects.order_by("pk").values_list(
            "pk", "status", "position", "quote_start", "quote_end", "version"
        )
    )


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_suggestions_finish_on_bad_input_and_leave_what_was_stored(demo, name):
    before = stored_stances()
    article = article_of(BAD_INPUTS[name](), published_on=dt.date(2024, 9, 13))

    filed = article_suggest(article_id=article.pk)

    assert stored_stances()[: len(before)] == before
    new = Stance.objects.filter(article=article)
    assert new.count() == filed
    assert filed <= 5, f"{name}: {filed} suggestions"  # a few, never one per repetition
    assert all(s.status == ReviewStatus.SUGGESTED for s in new)


def test_a_roll_call_of_names_gives_no_more_than_twenty_suggestions(world):
    article = article_of(
        "Pyongyang has sent troops to Russia, "
        + ", ".join(["Seoul", "Washington", "Kyiv"] * 10)
        + " officials said."
    )
    assert article_suggest(article_id=article.pk) <= 20


def test_reading_past_its_budget_stops_with_a_reason_and_files_nothing(demo, settings):
    settings.FACTCHECK_SUGGEST_SECONDS = 0
    before = stored_stances()
    article = article_of("Pyongyang denied sending ammunition to Russia, KCNA said. " * 50)

    with pytest.raises(SuggestionsStopped, match=r"stopped after 0 of \d+ sentences"):
        article_suggest(article_id=article.pk)

    assert stored_stances() == before
    assert not Stance.objects.filter(article=article).exists()


def test_the_task_fails_with_that_reason(demo, settings):
    settings.FACTCHECK_SUGGEST_SECONDS = 0
    article = article_of("Pyongyang denied sending ammunition to Russia, KCNA said. " * 50)

    result = suggest_stances_for_article.apply(args=[article.pk])

    assert result.failed()
    assert "reading took longer than 0 s; nothing was filed" in str(result.result)
