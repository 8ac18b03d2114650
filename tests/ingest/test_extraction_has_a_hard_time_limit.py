"""A document that takes too long is stopped by the hard limit, with a readable reason."""

import contextlib
import time

import pytest

from sources import extract
from sources.extract import ExtractionError, TimeLimitExceeded, extract_page, hard_time_limit
from tests.ingest import pages


def test_the_limit_interrupts_a_runaway_block():
    with (
        pytest.raises(TimeLimitExceeded, match=r"spinning took longer than 0\.05 s"),
        hard_time_limit(0.05, "spinning"),
    ):
        while True:
            pass


def test_the_limit_fires_again_when_the_first_interruption_is_swallowed():
    # Library code that catches Exception, or a gc callback, can swallow the first one.
    swallowed = ran_to_the_end = False
    with pytest.raises(TimeLimitExceeded), hard_time_limit(0.05, "stubborn"):
        try:
            while True:
                pass
        except TimeLimitExceeded:
            swallowed = True
        give_up = time.monotonic() + 30
        while time.monotonic() < give_up:
            pass
        ran_to_the_end = True
    assert swallowed
    assert not ran_to_the_end


def test_a_block_that_ends_after_a_swallowed_interruption_is_reported_stopped():
    with (
        pytest.raises(TimeLimitExceeded, match="quick"),
        hard_time_limit(0.01, "quick"),
        contextlib.suppress(TimeLimitExceeded),
    ):
        time.sleep(1)


def test_a_slow_page_is_stopped(monkeypatch):
    monkeypatch.setattr(extract, "EXTRACT_SECONDS", 0.001)
    seed = pages.seeds()["004"]
    page = pages.seed_page(seed, "http://127.0.0.1/x")
    huge = page.replace("</article>", "<p>" + "word " * 20000 + "</p></article>") * 3
    with pytest.raises(ExtractionError, match="took longer than"):
        extract_page(huge, url="http://127.0.0.1/x")


def test_a_page_without_an_article_is_refused():
    with pytest.raises(ExtractionError, match=r"not an article|no article text"):
        extract_page("<html><body><nav><a href='/'>Home</a></nav></body></html>", url="http://x/")
