"""Is this article one we have? Canonical URLs, exact content, and near-duplicates.

Three tests, cheapest first:
1. the canonical URL (normalised with courlan: lower-case host, default port and fragment
   dropped, tracking parameters removed, query sorted), unique in the database;
2. the content hash (SHA-256 of the white-space-folded text, Article.content_hash);
3. near-duplicates: a MinHash signature (datasketch, 128 permutations) of the text's word
   3-shingles goes into a MinHash LSH index, which returns candidates whose estimated
   Jaccard similarity is about LSH_THRESHOLD or more; each candidate is then verified on
   the exact shingle sets of both texts.

A verified candidate is a copy:
- "republished" when most of the smaller text's shingles are in the other (containment
  >= REPUBLISHED_MIN_CONTAINMENT): the same words, other furniture or a trimmed ending;
- "spun" when the Jaccard similarity is >= SPUN_MIN_JACCARD without that containment:
  the same story with words swapped for synonyms.

The thresholds come from the seed corpus (table in the README): different reports of one
event (seeds 000 and 001, the closest pair of seeds) share 10.0% of their 3-shingles (6.3%
of 5-shingles); no other pair of seeds shares more than 5.3%. Spun copies keep 39.5% (seed
002 through the synonym table of tests/ingest/pages.py, the heaviest spin measured) to
63.7%, and seed 004, itself spun, keeps 41.5% against its own un-spun reconstruction.
SPUN_MIN_JACCARD = 0.2 sits between the two groups with a factor of two on either side.
3-word shingles rather than 5: both separate the groups by about four times (0.100 against
0.395; 0.063 against 0.226), but the 5-word gap lies at 0.06-0.23, where the MinHash
estimate's error (about 0.035 at 128 permutations) eats much of it, and a heavier spin
loses 5-word shingles faster (a swap every fifth word leaves about a third of them, and
half of the 3-word ones).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import courlan
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 3
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"  # datasketch 2's default, named so stored signatures say it
LSH_THRESHOLD = 0.15
# Candidates whose MinHash estimate is below this are dropped unverified, and at most
# MAX_VERIFIED of the rest (likeliest first) are compared on their texts. With 128
# permutations the estimate's standard error near 0.2 is about 0.035: a pair truly at
# SPUN_MIN_JACCARD is kept with two standard errors to spare, and the copies measured on
# the seeds (0.4 and up) with ten.
VERIFY_MIN_ESTIMATE = 0.13
MAX_VERIFIED = 8
SPUN_MIN_JACCARD = 0.2
REPUBLISHED_MIN_CONTAINMENT = 0.8
# Texts with fewer shingles than this (a few sentences) are only matched exactly:
# on so little text, chance overlap is too large.
MIN_SHINGLES = 30

_WORD = re.compile(r"\w+", re.UNICODE)


def canonical_url(url: str) -> str:
    """One spelling per page: the key of the unique constraint on Article.canonical_url."""
    url = url.strip()
    try:
        normalized = courlan.normalize_url(url, strict=False)
    except ValueError:
        normalized = url
    return normalized.split("#", 1)[0]


def url_variants(canonical: str) -> list[str]:
    """The canonical URL and its spellings under the other scheme and with or without www.

    Sites answer one page at http and https, with and without www; courlan keeps those
    apart (they may differ in principle), so we look for all four before storing a page.
    The canonical URL itself comes first.
    """
    try:
        parts = urlsplit(canonical)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return [canonical]
    if parts.scheme not in {"http", "https"} or not host:
        return [canonical]
    bare = host.removeprefix("www.")
    is_ip = bare.replace(".", "").isdigit() or ":" in bare
    hosts = [host] if is_ip else [host, bare if host != bare else f"www.{bare}"]
    suffix = f":{port}" if port is not None else ""
    variants = [canonical]
    for scheme in (parts.scheme, "https" if parts.scheme == "http" else "http"):
        for name in hosts:
            netloc = f"[{name}]{suffix}" if ":" in name else f"{name}{suffix}"
            spelled = urlunsplit(parts._replace(scheme=scheme, netloc=netloc))
            if spelled not in variants:
                variants.append(spelled)
    return variants


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host: the only kind a page may make us store.

    courlan normalises javascript:, data: and other schemes as readily as http(s), and a
    stored URL ends up as a link in the admin, the web UI and the API.
    """
    try:
        parts = urlsplit(url.strip())
        return parts.scheme in {"http", "https"} and bool(parts.hostname)
    except ValueError:  # "http://[oops": not a URL at all
        return False


def choose_canonical(*, fetched_url: str, declared: str) -> str:
    """The page's own canonical link if it stays on the fetched site, else the fetched URL.

    A page may name any URL as canonical; trusting one on another site would let a
    content farm claim a wire service's story (or hide a copy behind the original's URL).
    """
    if is_web_url(declared) and _host(declared) == _host(fetched_url):
        return canonical_url(declared)
    return canonical_url(fetched_url)


def original_url(*, fetched_url: str, declared: str) -> str:
    """Where a page says its story came from (a canonical link to another site), or "".

    Only http(s): anything else a page declares is dropped, not stored.
    """
    if not is_web_url(declared) or _host(declared) == _host(fetched_url):
        return ""
    declared = canonical_url(declared)
    return declared if is_web_url(declared) else ""


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash


def signature_to_json(minhash: MinHash) -> dict[str, Any]:
    return {
        "shingle_words": SHINGLE_WORDS,
        "num_perm": NUM_PERM,
        "seed": MINHASH_SEED,
        "scheme": MINHASH_SCHEME,
        "hashvalues": [int(v) for v in minhash.hashvalues],
    }


def signature_from_json(data: Any) -> MinHash | None:
    """The stored signature, or None if it was made with other parameters."""
    if not isinstance(data, dict):
        return None
    made_with = (
        data.get("shingle_words"),
        data.get("num_perm"),
        data.get("seed"),
        data.get("scheme"),
    )
    if made_with != (SHINGLE_WORDS, NUM_PERM, MINHASH_SEED, MINHASH_SCHEME):
        return None
    return MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, hashvalues=data["hashvalues"], scheme=MINHASH_SCHEME
    )


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float  # of the smaller shingle set in the larger


def similarity(a: str | set[str], b: str | set[str]) -> Similarity:
    sa = shingles(a) if isinstance(a, str) else a
    sb = shingles(b) if isinstance(b, str) else b
    if not sa or not sb:
        return Similarity(0.0, 0.0)
    common = len(sa & sb)
    return Similarity(common / len(sa | sb), common / min(len(sa), len(sb)))


def copy_kind(sim: Similarity) -> str | None:
    """ "republished", "spun" or None (not a copy) for a verified pair of texts."""
    if sim.containment >= REPUBLISHED_MIN_CONTAINMENT:
        return "republished"
    if sim.jaccard >= SPUN_MIN_JACCARD:
        return "spun"
    return None


class NearDuplicateIndex:
    """MinHash LSH over article ids; candidates still need verifying with `similarity`.

    The LSH bands (64 bands of 2 rows at this threshold) let through many pairs far below
    it; the signatures kept here weed those out by their estimated Jaccard before any text
    is compared, so verification costs a handful of shingle sets per article.
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[Any, MinHash] = {}

    def __contains__(self, key: Any) -> bool:
        return key in self._signatures

    def __len__(self) -> int:
        return len(self._signatures)

    def insert(self, key: Any, minhash: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, minhash)
            self._signatures[key] = minhash

    def remove(self, key: Any) -> None:
        if self._signatures.pop(key, None) is not None:
            self._lsh.remove(key)

    def candidates(self, minhash: MinHash) -> list[Any]:
        """Keys whose estimated Jaccard is at least VERIFY_MIN_ESTIMATE, likeliest first."""
        scored = []
        for key in self._lsh.query(minhash):
            estimate = minhash.jaccard(self._signatures[key])
            if estimate >= VERIFY_MIN_ESTIMATE:
                scored.append((estimate, key))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        return [key for _, key in scored[:MAX_VERIFIED]]


# Wire services whose dateline credit ("SEOUL, South Korea (AP) —") marks a story as theirs.
WIRE_CREDITS = {
    "AP": ("The Associated Press", "apnews.com"),
    "Reuters": ("Reuters", "reuters.com"),
    "AFP": ("Agence France-Presse", "afp.com"),
}
_DATELINE = re.compile(
    r"^[^\n]{0,120}?\((" + "|".join(WIRE_CREDITS) + r")\)\s*[\u2014\u2013-]", re.MULTILINE
)


def wire_credit(text: str) -> str | None:
    """The wire service named in the dateline at the top of the text, if any."""
    found = _DATELINE.search(text[:400])
    return found.group(1) if found else None
