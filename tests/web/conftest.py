"""Fixtures for the web UI tests: logged-in clients per role, a claim with many stances, a browser."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from claims.models import Claim, Stance
from claims.web import claim_cache
from sources.models import Source, SourceAlias
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory
from tests.web.browser import ARMS, CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

POSITIONS = ["asserts", "denies", "hedges", "no_comment"]
SENTENCE = "Officials said the shipments continued through the winter."


@pytest.fixture(autouse=True)
def _no_kept_claim_pages() -> None:
    # The claim page keeps timelines and charts in process by version: none from another test.
    claim_cache.kept.clear()


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    # The role fixtures and the demo set passwords; PBKDF2 would cost seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client_for(db) -> Callable[[User | None], Client]:
    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def no_role_user(db) -> User:
    user = UserFactory(username="nobody")
    user.save()  # the factory skips the save after set_password when there is no role
    return user


@pytest.fixture
def arms_claim(demo) -> Claim:
    return Claim.objects.get(slug=ARMS)


@pytest.fixture
def busy_claim(db) -> Callable[..., Claim]:
    """A claim with ``stances`` confirmed stances spread over ``sources`` sources and ``days`` days.

    Sources get a parent every third one (lanes group speakers); stances
    rotate through positions, so lanes change position often.
    """

    def make(
        *,
        stances: int = 30,
        sources: int = 5,
        articles: int = 4,
        suggested: int = 0,
        days: int = 1096,
    ) -> Claim:
        claim = ClaimFactory(text="Busy claim with many statements", slug=f"busy-{stances}")
        sentences = [f"{SENTENCE[:-1]} ({n})." for n in range(stances + suggested)]
        offsets = [sum(len(x) + 1 for x in sentences[:n]) for n in range(len(sentences))]
        text = " ".join(sentences)
        docs = [ArticleFactory(text=text) for _ in range(articles)]
        people: list[Source] = []
        for n in range(sources):
            parent = people[n - 1] if n % 3 == 2 else None
            people.append(SourceFactory(name=f"Busy source {n}", parent=parent))
        rows = []
        for n in range(stances + suggested):
            start, exact = offsets[n], sentences[n]
            rows.append(
                Stance(
                    claim=claim,
                    source=people[n % sources],
                    article=docs[n % articles],
                    position=POSITIONS[(n // sources) % 4],
                    stated_on=dt.date(2022, 1, 1)
                    + dt.timedelta(days=(n * days) // max(stances, 1)),
                    quote_exact=exact,
                    quote_start=start,
                    quote_end=start + len(exact),
                    status="suggested" if n >= stances else "confirmed",
                    reviewed_at=None if n >= stances else dt.datetime.now(dt.UTC),
                    evidence={"cue": "said", "alias": "officials"},
                )
            )
        Stance.objects.bulk_create(rows)
        return claim

    return make


def xss_payload(tag: str) -> str:
    """Markup that runs script if written unescaped, in text (script, img) or in an attribute ("'>)."""
    return (
        f'<script>window.__xss = "{tag}"</script><img src=x onerror="window.__xss = \'{tag}-img\'">'
        f"\"'><svg onload=\"window.__xss = '{tag}-attr'\">"
    )


@pytest.fixture
def planted(db) -> dict[str, Any]:
    """Markup planted in every stored text a page shows: claim, article title and text, source
    name, "reported through", and a suggested stance's evidence (cue, alias, notes).

    One stance is confirmed (timeline, home, claim page), one suggested (review queue).
    """
    claim = ClaimFactory(text=f"Claim {xss_payload('claim')}", slug="planted")
    text = (
        f"Intro. {xss_payload('article')} said the ministry. "
        f"Later {xss_payload('second')} it added. More text."
    )
    article = ArticleFactory(title=f"Title {xss_payload('title')}", text=text)
    source = SourceFactory(name=f"Source {xss_payload('source')}"[:200])
    SourceAlias.objects.create(source=source, alias="planted source")

    def quote(before: str, after: str) -> dict[str, Any]:
        """The planted markup between ``before`` and ``after``, anchored in the text."""
        start = text.index(before) + len(before)
        end = text.index(after, start)
        return {
            "quote_exact": text[start:end],
            "quote_start": start,
            "quote_end": end,
            "quote_prefix": text[max(0, start - 32) : start],
            "quote_suffix": text[end : end + 32],
        }

    stance = Stance.objects.create(
        claim=claim,
        source=source,
        article=article,
        position="asserts",
        stated_on=dt.date(2024, 1, 5),
        status="confirmed",
        reviewed_at=dt.datetime.now(dt.UTC),
        attributed_via=xss_payload("via"),
        **quote("Intro. ", " said the ministry"),
    )
    suggested = Stance.objects.create(
        claim=claim,
        source=source,
        article=article,
        position="hedges",
        stated_on=dt.date(2024, 2, 5),
        status="suggested",
        attributed_via=xss_payload("suggested-via"),
        confidence=0.5,
        evidence={
            "cue": xss_payload("cue"),
            "alias": xss_payload("alias"),
            "alias_method": "trigram",
            "notes": [xss_payload("note"), "plain note"],
            "sentence": xss_payload("sentence"),
            xss_payload("key"): xss_payload("value"),
        },
        **quote("Later ", " it added"),
    )
    return {"claim": claim, "article": article, "stance": stance, "suggested": suggested}


# --- the browser -------------------------------------------------------------------


@pytest.fixture
def browser(transactional_db) -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright; skipped loudly without it, failed when required.

    Function-scoped, and set up after the database: while Playwright's sync API
    runs, its event loop counts as running in this thread, so Django hands the
    test a separate connection (asgiref keeps DB handles per async context).
    The database set-up and the flush after the test must happen outside it,
    on the connection pytest-django manages.
    """
    if not os.path.exists(CHROMIUM):
        reason = (
            f"NO BROWSER: {CHROMIUM} is missing, so the end-to-end web tests did not run "
            "(apt-get install chromium; set FACTCHECK_REQUIRE_BROWSER=1 to make this a failure)"
        )
        if os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    # The ORM calls the tests make while the browser runs are synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # The connections opened inside Playwright's context; the test's own is untouched.
            connections.close_all()


@pytest.fixture
def page(live_server, demo, browser) -> Iterator[object]:
    """A Chromium page on the demo data at desktop size; a JavaScript error fails the test."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def screenshot() -> Callable[[object, str], Path]:
    def take(page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
