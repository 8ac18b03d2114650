"""Helpers for the browser tests: where Chromium is, logging in, selecting text with the mouse."""

from __future__ import annotations

from pathlib import Path

ARMS = "north-korea-arms-to-russia"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"


def log_in(page, live_server, username: str, password: str) -> None:
    """Log in through the login form, as a person would."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.stacked button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def select_text_with_the_mouse(page, text: str) -> None:
    """Drag the mouse from the first to the last character of ``text`` in the article text."""
    box = page.evaluate(
        """(wanted) => {
            const root = document.getElementById("article-text");
            const at = root.textContent.indexOf(wanted);
            if (at < 0) throw new Error("text not on the page: " + wanted);
            const locate = (index) => {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                let node, seen = 0;
                while ((node = walker.nextNode())) {
                    if (seen + node.data.length > index) return [node, index - seen];
                    seen += node.data.length;
                }
            };
            const [first, firstAt] = locate(at);
            const [last, lastAt] = locate(at + wanted.length - 1);
            first.parentElement.scrollIntoView({block: "center"});
            const range = document.createRange();
            range.setStart(first, firstAt);
            range.setEnd(first, firstAt + 1);
            const a = range.getClientRects()[0];
            range.setStart(last, lastAt);
            range.setEnd(last, lastAt + 1);
            const rects = range.getClientRects();
            const b = rects[rects.length - 1];
            return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
        }""",
        text,
    )
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()
