"""feedparser's own ~2,100 hostile test feeds: no crash, no hang, no live script comes out."""

import re
from pathlib import Path

import pytest

from sources import feeds
from sources.feeds import FeedParseError, ParsedFeed, feed_parse

PEERS = Path(__file__).resolve().parents[1] / "peers" / "feedparser"
SCRIPT = re.compile(r"<\s*script", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def peer_feeds() -> list[Path]:
    if not PEERS.is_dir():
        pytest.fail(f"the feedparser peer suite is missing: expected it at {PEERS.resolve()}")
    found = sorted(PEERS.rglob("*.xml"))
    assert len(found) > 2000, f"only {len(found)} feeds under {PEERS}"
    return found


def strings(parsed: ParsedFeed) -> list[str]:
    out = [parsed.title, parsed.warning]
    for entry in parsed.entries:
        out += [entry.url, entry.title, entry.summary]
    return out


def test_every_peer_feed_parses_or_is_refused_with_a_reason_and_nothing_executable_comes_out():
    parsed = refused = 0
    for path in peer_feeds():
        try:
            result = feed_parse(path.read_bytes(), url="http://127.0.0.1/feed.xml")
        except FeedParseError as exc:
            assert str(exc), path
            refused += 1
            continue
        parsed += 1
        for text in strings(result):
            assert not SCRIPT.search(text), (path, text)
            assert not HANDLER.search(text), (path, text)
        for entry in result.entries:
            assert entry.url.startswith(("http://", "https://")), (path, entry.url)
    assert parsed > 1800
    print(f"peer suite: {parsed} parsed, {refused} refused with a reason")


def test_a_feed_that_outruns_the_hard_time_limit_is_stopped(monkeypatch):
    largest = max(peer_feeds(), key=lambda p: p.stat().st_size)
    monkeypatch.setattr(feeds, "FEED_PARSE_SECONDS", 0.001)
    with pytest.raises(FeedParseError, match="took longer than"):
        feed_parse(largest.read_bytes() * 20)
