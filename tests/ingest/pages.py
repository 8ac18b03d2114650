"""Realistic news pages and feeds built from the five seed articles, for the local test server.

Each seed is cut into its headline, byline, body and page furniture (the line numbers below
were read off the scraped files in data/seeds/, copies of shared/corpus/seeds/). Pages put
the furniture where real sites do: navigation, related links and footers around the body,
the dates in the markup. The bench (bench/ingest.py) builds its generated corpus from here.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import random
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent / "data" / "seeds"


@dataclass(frozen=True)
class SeedSpec:
    key: str
    file: str
    title: str
    byline: str
    site: str
    date: dt.datetime  # the date the page carries in its markup
    body: tuple[int, int]  # 1-based line numbers, inclusive
    caption: int | None = None
    furniture: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Seed:
    spec: SeedSpec
    paragraphs: list[str]
    furniture: list[str] = field(default_factory=list)
    caption: str = ""

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


ET = dt.timezone(dt.timedelta(hours=-4))
SPECS = [
    SeedSpec(
        "000",
        "000_41bb6c4a6b97c8ad.txt",
        "North Korea’s Kim huddles with Russian defense chief",
        "Lauren Sforza",
        "The Hill",
        dt.datetime(2023, 7, 27, 10, 14, tzinfo=ET),
        body=(18, 34),
        caption=16,
        furniture=((1, 9), (36, 80)),
    ),
    SeedSpec(
        "001",
        "001_7e37a441b11b5017.txt",
        "North Korean leader Kim Jong Un meets with Russian defense minister on military cooperation",
        "",
        "Wealth Navigators Hub",
        dt.datetime(2025, 4, 17, 15, 10, tzinfo=dt.UTC),
        body=(5, 14),
        furniture=((15, 44),),
    ),
    SeedSpec(
        "002",
        "002_ea00b029d001865f.txt",
        "Russia’s Shoigu Meets North Korea’s Kim in Pyongyang",
        "",
        "The Japan News",
        dt.datetime(2024, 9, 13, 17, 21, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        body=(3, 9),
        furniture=((10, 26),),
    ),
    SeedSpec(
        "003",
        "003_19ede879a1e1781d.txt",
        "North Korea's Kim meets Russia's Shoigu, vows more cooperation, KCNA says",
        "Joyce Lee",
        "Reuters",
        dt.datetime(2024, 9, 14, 4, 2, tzinfo=dt.UTC),
        body=(4, 10),
        caption=3,
        furniture=((12, 15),),
    ),
    SeedSpec(
        "004",
        "004_ef175c23e799bce8.txt",
        "Prime Russian official meets North Korean chief in newest Pyongyang go to",
        "",
        "Pyongyang Watch Daily",
        dt.datetime(2025, 3, 24, 9, 0, tzinfo=dt.UTC),
        body=(13, 39),
        furniture=((1, 7), (41, 47)),
    ),
]


def _lines(spec: SeedSpec) -> list[str]:
    path = SEEDS_DIR / spec.file
    if not path.is_file():
        raise FileNotFoundError(f"seed article missing: {path} (copy of shared/corpus/seeds/)")
    return [line.strip() for line in path.read_text("utf-8").splitlines()]


@cache
def seeds() -> dict[str, Seed]:
    out = {}
    for spec in SPECS:
        lines = _lines(spec)
        first, last = spec.body
        paragraphs = [line for line in lines[first - 1 : last] if line]
        furniture = [
            re.sub(r"^(\d+\.|-)\s*", "", line)
            for a, b in spec.furniture
            for line in lines[a - 1 : b]
            if line and line != "-"
        ]
        caption = lines[spec.caption - 1] if spec.caption else ""
        out[spec.key] = Seed(spec, paragraphs, furniture, caption)
    return out


# Synonym swaps of the kind seed 004 shows ("safety official" for "security official",
# "in response to" for "according to", "chief" for "leader"...), original -> spun.
SYNONYMS = {
    "according to": "in response to",
    "security": "safety",
    "leader": "chief",
    "top": "prime",
    "support": "assist",
    "war": "battle",
    "meeting": "assembly",
    "meetings": "assemblies",
    "reports": "studies",
    "recently": "not too long ago",
    "sent": "despatched",
    "agency": "company",
    "agencies": "companies",
    "said": "stated",
    "during": "throughout",
    "outlets": "retailers",
    "immediately": "instantly",
    "huge": "enormous",
    "last": "final",
    "officials": "officers",
    "economic": "financial",
    "military": "army",
    "experts": "consultants",
    "likely": "probably",
    "possible": "potential",
    "trip": "journey",
    "defense": "protection",
    "defence": "protection",
    "personal": "private",
    "new": "recent",
    "country": "nation",
    "countries": "nations",
    "talks": "discussions",
    "visit": "go to",
    "discussed": "mentioned",
    "expand": "increase",
    "views": "opinions",
    "issues": "points",
    "boost": "increase",
    "decision": "resolution",
    "whether": "whether or not",
    "critical": "crucial",
    "happened": "occurred",
    "fighting": "combating",
    "directly": "straight",
    "important": "vital",
    "friendly": "pleasant",
    "atmosphere": "environment",
    "exchange": "trade",
    "wide range": "big selection",
    "until": "till",
    "brings together": "brings collectively",
    "supplied": "provided",
    "supplying": "offering",
    "accusations": "allegations",
    "previously": "beforehand",
    "pledged": "vowed",
}
_SPIN = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(k) for k in sorted(SYNONYMS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def spin(text: str) -> str:
    """Swap words for synonyms the way the article spinner behind seed 004 did."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = SYNONYMS[word.lower()]
        return new[0].upper() + new[1:] if word[0].isupper() else new

    return _SPIN.sub(swap, text)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def article_page(
    *,
    title: str,
    paragraphs: list[str],
    url: str,
    site: str,
    date: dt.datetime,
    byline: str = "",
    caption: str = "",
    furniture: list[str] = (),  # type: ignore[assignment]
    style: str = "newsroom",
) -> str:
    """An article page: navigation and trending bar, the story, related links, a footer."""
    iso = date.isoformat()
    human = date.strftime("%B %d, %Y %H:%M")
    related = furniture[len(furniture) // 3 :] or ["More news"]
    trending = furniture[: len(furniture) // 3] or ["Trending now"]
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": iso,
            "author": [{"@type": "Person", "name": byline}] if byline else [],
            "publisher": {"@type": "Organization", "name": site},
        }
    )
    body = "\n".join(f"<p>{_e(p)}</p>" for p in paragraphs)
    byline_html = f'<span class="author">By {_e(byline)}</span> ' if byline else ""
    figure = (
        f'<figure><img src="/img/photo.jpg" alt=""><figcaption>{_e(caption)}</figcaption></figure>'
        if caption
        else ""
    )
    nav = "".join(
        f'<li><a href="/section/{s.lower()}">{s}</a></li>'
        for s in ("World", "Politics", "Business", "Opinion", "Video")
    )
    trend = "".join(f'<li><a href="/t/{i}">{_e(t)}</a></li>' for i, t in enumerate(trending))
    rel = "".join(f'<li><a href="/r/{i}">{_e(t)}</a></li>' for i, t in enumerate(related))
    if style == "farm":
        # A content farm: div soup, the date in a visible "Date:" line, link lists after the body.
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_e(title)} -{_e(site)}</title>
<link rel="canonical" href="{_e(url)}">
<meta property="og:site_name" content="{_e(site)}">
<meta property="og:title" content="{_e(title)}">
<meta property="article:published_time" content="{iso}">
<script>window.ads = window.ads || []; ads.push({{slot: "top"}});</script>
</head><body>
<div class="topbar"><a href="/">Home</a> &gt; <a href="/news">News</a></div>
<div class="menu"><ul>{nav}</ul></div>
<div class="content">
<div class="post-title"><h1>{_e(title)}</h1></div>
<div class="meta">View <span class="date">Date:{date.strftime("%Y-%m-%d %H:%M:%S")}</span></div>
<div class="post-body">{body}</div>
<div class="vote">veryGood! (2)</div>
</div>
<div class="sidebar"><h3>Related</h3><ul>{trend}</ul><h3>Ranking</h3><ul>{rel}</ul></div>
<div class="foot">Copyright {date.year} {_e(site)}. <a href="/privacy">Privacy</a></div>
</body></html>"""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_e(title)} | {_e(site)}</title>
<link rel="canonical" href="{_e(url)}">
<meta property="og:site_name" content="{_e(site)}">
<meta property="og:title" content="{_e(title)}">
<meta name="author" content="{_e(byline)}">
<meta property="article:published_time" content="{iso}">
<script type="application/ld+json">{ld}</script>
</head><body>
<header><a class="logo" href="/">{_e(site)}</a><nav><ul>{nav}</ul></nav>
<div class="trending"><strong>Trending:</strong><ul>{trend}</ul></div></header>
<main>
<article>
<h1>{_e(title)}</h1>
<p class="byline">{byline_html}<time datetime="{iso}">{human}</time></p>
{figure}
<div class="article-body">
{body}
</div>
</article>
<aside class="related"><h2>Most Popular</h2><ol>{rel}</ol></aside>
</main>
<footer><p>Copyright {date.year} {_e(site)}. All rights reserved.</p>
<ul><li><a href="/about">About</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>"""


def seed_page(seed: Seed, url: str) -> str:
    return article_page(
        title=seed.title,
        paragraphs=seed.paragraphs,
        url=url,
        site=seed.spec.site,
        date=seed.spec.date,
        byline=seed.spec.byline,
        caption=seed.caption,
        furniture=seed.furniture,
        style="farm" if seed.key == "001" else "newsroom",
    )


FARM_FURNITURE = [
    "Ten celebrity diets you will not believe",
    "Why mortgage rates could fall next spring",
    "Local team wins the regional cup after extra time",
    "The best budget phones of the year, ranked",
    "Scientists puzzle over unusual weather pattern",
    "Five habits of highly productive people",
]


def republished_page(seed: Seed, url: str, date: dt.datetime) -> str:
    """The seed's story on a content farm: other furniture, a later date."""
    return article_page(
        title=seed.title,
        paragraphs=seed.paragraphs,
        url=url,
        site="Daily Wire Digest",
        date=date,
        furniture=FARM_FURNITURE,
        style="farm",
    )


def spun_page(seed: Seed, url: str, date: dt.datetime) -> str:
    """The seed's story run through a synonym spinner, on another site, later."""
    return article_page(
        title=spin(seed.title),
        paragraphs=[spin(p) for p in seed.paragraphs],
        url=url,
        site="Global Affairs Now",
        date=date,
        furniture=list(reversed(FARM_FURNITURE)),
        style="newsroom",
    )


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    date: dt.datetime
    summary: str = ""


def rss_feed(title: str, link: str, items: list[FeedItem]) -> bytes:
    entries = "".join(
        f"""<item><title>{_e(i.title)}</title><link>{_e(i.url)}</link><guid>{_e(i.url)}</guid>
<pubDate>{i.date.strftime("%a, %d %b %Y %H:%M:%S %z")}</pubDate>
<description>{_e(i.summary)}</description></item>"""
        for i in items
    )
    return (
        f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{_e(title)}</title><link>{_e(link)}</link>
<description>{_e(title)}</description>{entries}</channel></rss>"""
    ).encode()


def atom_feed(title: str, link: str, items: list[FeedItem]) -> bytes:
    entries = "".join(
        f"""<entry><title>{_e(i.title)}</title><link rel="alternate" href="{_e(i.url)}"/>
<id>{_e(i.url)}</id><updated>{i.date.isoformat()}</updated>
<summary>{_e(i.summary)}</summary></entry>"""
        for i in items
    )
    updated = max((i.date for i in items), default=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    return (
        f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{_e(title)}</title>
<link href="{_e(link)}"/><id>{_e(link)}</id><updated>{updated.isoformat()}</updated>{entries}</feed>"""
    ).encode()


def _markov(rng: random.Random, words: list[str], length: int) -> str:
    """Text in the seeds' vocabulary that repeats none of their sentences (order-1 chain)."""
    follows: dict[str, list[str]] = {}
    for a, b in itertools.pairwise(words):
        follows.setdefault(a, []).append(b)
    word = rng.choice(words)
    out = [word]
    for _ in range(length - 1):
        word = rng.choice(follows.get(word) or words)
        out.append(word)
    return " ".join(out)


def generated_pages(count: int, *, seed: int = 7) -> list[tuple[str, str]]:
    """`count` (url, html) pages for the bench: new stories and copies of earlier ones.

    New stories are order-1 Markov text over the seeds' words (distinct stories, the
    seeds' vocabulary); about a tenth of the pages republish an earlier story on another
    site and a tenth spin one with the synonym table.
    """
    rng = random.Random(seed)
    words = " ".join(s.text for s in seeds().values()).split()
    furniture = [f for s in seeds().values() for f in s.furniture] + FARM_FURNITURE
    pages: list[tuple[str, str]] = []
    made: list[tuple[str, list[str]]] = []
    base = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    for n in range(count):
        url = f"https://site{n % 17}.example/news/{n}"
        date = base + dt.timedelta(days=n)
        roll = rng.random()
        if made and roll < 0.1:
            title, paras = rng.choice(made)
            style = "farm"
        elif made and roll < 0.2:
            title, paras = rng.choice(made)
            title, paras = spin(title), [spin(p) for p in paras]
            style = "newsroom"
        else:
            paras = [
                _markov(rng, words, rng.randint(40, 90)) + "." for _ in range(rng.randint(5, 9))
            ]
            title = f"Story {n}: " + " ".join(paras[0].split()[:8])
            made.append((title, paras))
            style = rng.choice(["newsroom", "farm"])
        page = article_page(
            title=title,
            paragraphs=paras,
            url=url,
            site=f"Site {n % 17}",
            date=date,
            furniture=rng.sample(furniture, k=12),
            style=style,
        )
        pages.append((url, page))
    return pages
