"""End to end in headless Chromium against a live server on the demo data.

Skipped (loudly) only where /usr/bin/chromium does not exist; a failure when
FACTCHECK_REQUIRE_BROWSER=1. Each test writes screenshots to tests/screenshots/.
"""

from __future__ import annotations

import os
import re

import pytest

from claims.models import Claim, Stance
from sources.models import Article
from tests.factories import ArticleFactory, UserFactory
from tests.web.browser import ARMS, SCREENSHOTS, log_in, select_text_with_the_mouse

# Playwright's sync API keeps an event loop in this thread; the ORM calls around it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.browser,
    # live_server runs in another thread: data must be committed. The role groups a
    # transactional flush removes come back on post_migrate (claims.roles.roles_ensure).
    pytest.mark.django_db(transaction=True),
]

KIM = (
    "Kim said North Korea will continue to expand cooperation with Russia in accordance with "
    "the strategic partnership between the two countries, KCNA said."
)
SHOIGU_QUOTE = "thanked him for the nation’s assist of Moscow’s battle efforts in Ukraine"


def lane_names(page) -> list[str]:
    return page.locator(".timeline-lanes .lane-name").evaluate_all(
        "nodes => nodes.map(n => n.firstChild.textContent)"
    )


def test_the_arms_claim_shows_each_sources_lane_and_a_focused_mark_shows_its_quote(
    page, live_server, screenshot
):
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    assert page.locator("#review-count").inner_text() == "3"
    screenshot(page, "home")

    page.goto(f"{live_server.url}/claims/{ARMS}/")
    assert lane_names(page)[:3] == ["United States", "North Korea", "Russia"]
    for name, now in [
        ("United States", "asserts"),
        ("North Korea", "denies"),
        ("Russia", "hedges"),
    ]:
        lane = page.locator(".timeline-lanes .lane").filter(
            has=page.locator(".lane-name", has_text=re.compile(f"^{name}"))
        )
        assert lane.locator(".lane-now").text_content() == f"now {now}"
    # Russia's move from denying to hedging softens its position: a dashed tick, no words.
    softened = page.locator(".callout-softening")
    assert softened.count() == 1
    assert softened.locator("title").text_content() == "Russia: denies → hedges, 2025-03 (softened)"
    assert page.locator(".callout-text").count() == 0  # no reversal on the demo's arms claim
    screenshot(page, "claim")

    shoigu = Stance.objects.get(source__name="Sergei Shoigu")
    detail = page.locator("#mark-detail")
    assert detail.is_hidden()
    # Each mark is a focusable link named by who, what, when and where (its <title>).
    mark = page.get_by_role(
        "link", name=re.compile(r"^Sergei Shoigu \(Russia\) hedges, 2025-03-21")
    )
    assert mark.get_attribute("tabindex") == "0"
    mark.focus()
    assert detail.is_visible()
    assert SHOIGU_QUOTE in detail.inner_text()
    assert "2025-03-21" in detail.inner_text() and "Unnamed spun-copy site" in detail.inner_text()
    page.locator(".timeline-section").screenshot(path=str(SCREENSHOTS / "claim-focused-mark.png"))

    # The arrow keys move along the lane; Enter opens the article at the quote.
    page.keyboard.press("ArrowLeft")
    assert "Moscow and Pyongyang have denied" in detail.inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/articles/{shoigu.article_id}/#stance-{shoigu.pk}")
    assert page.locator(f"mark#stance-{shoigu.pk}").inner_text() == SHOIGU_QUOTE


def test_a_reviewer_files_a_selected_sentence_confirms_it_and_sees_it_on_the_timeline(
    page, live_server, screenshot
):
    reuters = Article.objects.get(outlet__name="Reuters")
    arms = Claim.objects.get(slug=ARMS)
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/articles/{reuters.pk}/")
    select_text_with_the_mouse(page, KIM)
    form = page.locator("#stance-form")
    page.wait_for_function(
        "() => document.querySelector('#stance-form [name=quote_start]').value !== ''"
    )
    assert form.locator("[name=quote_exact]").input_value() == KIM
    start = reuters.text.index(KIM)
    assert form.locator("[name=quote_start]").input_value() == str(start)
    assert form.locator("[name=quote_end]").input_value() == str(start + len(KIM))
    assert form.locator("[name=quote_prefix]").input_value() == reuters.text[start - 32 : start]

    form.locator("[name=claim]").select_option(label=arms.text)
    form.locator("[name=source]").fill("Kim Jong-un")  # an alias of Kim Jong Un
    form.locator("input[name=position][value=hedges]").check()
    form.locator("[name=stated_on]").fill("2024-09-14")
    form.locator("[name=attributed_via]").fill("KCNA said")
    screenshot(page, "article")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "It waits in the review queue" in page.locator(".messages").inner_text()
    filed = Stance.objects.get(article=reuters, quote_exact=KIM)
    assert (filed.source.name, filed.status, filed.quote_start) == (
        "Kim Jong Un",
        "suggested",
        start,
    )
    assert page.locator(f"mark#stance-{filed.pk}").inner_text() == KIM

    page.goto(f"{live_server.url}/review/")
    screenshot(page, "queue")
    item = page.locator(f"#review-{filed.pk}")
    assert KIM in item.locator(".passage mark").inner_text()
    page.keyboard.press("j")  # the shortcuts walk the queue: oldest first, ours is the last
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert item.evaluate("node => node === document.activeElement")
    page.keyboard.press("e")  # the edit form opens in place, focused; Escape closes it
    editor = item.locator("[data-edit]")
    assert editor.is_visible()
    assert editor.locator("[name=source]").evaluate("node => node === document.activeElement")
    page.keyboard.press("Escape")
    assert editor.is_hidden()
    page.keyboard.press("c")
    page.wait_for_load_state()
    assert "Confirmed: Kim Jong Un hedges" in page.locator(".messages").inner_text()
    filed.refresh_from_db()
    assert filed.status == "confirmed"

    page.goto(f"{live_server.url}/claims/{ARMS}/")
    mark = page.locator(f'a.mark[data-stance="{filed.pk}"]')
    assert mark.count() == 1
    north_korea = page.locator(".timeline-lanes .lane", has=mark)
    assert north_korea.locator(".lane-name").text_content().startswith("North Korea")
    # A softening: marked on the chart by a dashed tick named in its <title>.
    callouts = page.locator(".callout-softening title").all_text_contents()
    assert "North Korea: denies → hedges, 2024-09 (softened)" in callouts


def test_a_second_reviewers_stale_confirm_is_refused(page, browser, live_server, screenshot):
    UserFactory(username="reviewer2", role="Reviewers")
    kirby = Stance.objects.get(source__name="John Kirby")
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    other_context = browser.new_context(viewport={"width": 1360, "height": 900})
    other = other_context.new_page()
    log_in(other, live_server, "reviewer2", "correct horse battery")
    page.goto(f"{live_server.url}/review/")
    other.goto(f"{live_server.url}/review/")

    page.locator(f"#review-{kirby.pk} form[data-action=confirm] button").click()
    page.wait_for_load_state()
    assert "Confirmed: John Kirby hedges" in page.locator(".messages").inner_text()

    other.locator(f"#review-{kirby.pk} form[data-action=confirm] button").click()
    other.wait_for_load_state()
    alert = other.locator(".message-error").inner_text()
    assert "Not confirmed: John Kirby hedges" in alert
    assert "This stance was changed by reviewer since you opened it" in alert
    assert "(it is now confirmed)" in alert
    screenshot(other, "queue-stale-refused")
    kirby.refresh_from_db()
    assert (kirby.reviewed_by.username, kirby.version) == ("reviewer", 2)
    other_context.close()


def test_selection_offsets_count_characters_as_the_server_does(page, live_server):
    text = "Emoji 😀 and “quotes” first.\n\nThen the quoted sentence."
    article = ArticleFactory(title="Offsets", text=text)
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    select_text_with_the_mouse(page, "Then the quoted sentence.")
    page.wait_for_function(
        "() => document.querySelector('#stance-form [name=quote_start]').value !== ''"
    )
    start = text.index("Then")  # code points, as Python and PostgreSQL count
    assert page.locator("#stance-form [name=quote_start]").input_value() == str(start)


def test_the_source_picker_offers_names_and_aliases_as_the_reviewer_types(page, live_server):
    reuters = Article.objects.get(outlet__name="Reuters")
    log_in(page, live_server, "reviewer", "reviewer-demo-2025")
    page.goto(f"{live_server.url}/articles/{reuters.pk}/")
    options = page.locator("#source-options option")
    assert options.count() == 0  # nothing preloaded
    page.locator("#stance-form [name=source]").press_sequentially("Pyongyan")
    page.locator('#source-options option[value="North Korea"]').wait_for(state="attached")
    assert page.locator('#source-options option[value="North Korea"]').get_attribute("label") == (
        "Pyongyang → North Korea"
    )

    page.goto(f"{live_server.url}/review/")
    page.keyboard.press("e")
    field = page.locator(".queue-item.is-current [data-edit] [name=source]")
    field.fill("")
    field.press_sequentially("the Kreml")
    page.locator('#source-options option[value="Russia"]').wait_for(state="attached")
