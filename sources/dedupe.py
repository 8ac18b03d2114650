"""Is this article one we have? Canonical URLs, exact content, and near-duplicates.

Three tests, cheapest first:
1. the canonical URL (normalised with courlan: lower-case host, default port and fragment
   dropped, tracking parameters removed, query sorted), unique in the database;
2. the content hash (SHA-256 of the white-space-folded text, Article.content_hash);
3. near-duplicates: a MinHash signature (128 permutations, computed with numpy) of the
   text's word 3-shingles is cut into LSH_BANDS bands of LSH_ROWS values; the bands of every
   stored article live in PostgreSQL (sources.models.ArticleBand, indexed on band and
   hash), so one query finds the stored articles sharing a band with a new one, in every
   worker at once. Candidates whose estimated Jaccard similarity is below
   VERIFY_MIN_ESTIMATE are dropped; the rest are verified on the exact shingle sets of both
   texts (sets of 64-bit shingle hashes).

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

The MinHash: each word is hashed once (CRC-32), a shingle's 64-bit hash mixes its three
word hashes (splitmix64's finaliser), all in one numpy pass; permutation i maps a shingle
hash x to (A[i] * x + B[i]) mod 2**64 and keeps the top 32 bits of the minimum. The
signature scheme is named in the stored JSON, so a signature made otherwise is made again.
"""

from __future__ import annotations

import re
import threading
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import cachetools
import courlan
import numpy as np

SHINGLE_WORDS = 3
NUM_PERM = 128
MINHASH_SEED = 1
MINHASH_SCHEME = "crc32-splitmix64-affine64"  # named so stored signatures say how they were made
# LSH: LSH_BANDS bands of LSH_ROWS signature values each (the first 102 of the 128). A pair
# with Jaccard s shares at least one band with probability 1 - (1 - s**2)**51: 0.87 at 0.2,
# 0.9998 at the 0.4 of the heaviest spin measured, 0.36 at the 0.1 of two reports of one event.
LSH_BANDS = 51
LSH_ROWS = 2
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

_U64 = np.uint64
_permutations = np.random.default_rng(MINHASH_SEED)
_A = _permutations.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * _U64(2) + _U64(1)  # odd
_B = _permutations.integers(0, 2**63, NUM_PERM, dtype=np.uint64) * _U64(2)
_A_COL = _A[:, None]
_B_COL = _B[:, None]
_MIX1 = _U64(0xBF58476D1CE4E5B9)
_MIX2 = _U64(0x94D049BB133111EB)
_WORD2 = _U64(0x9E3779B97F4A7C15)
# The shingles of recently seen texts (by content), so a stored article that comes back as a
# candidate is not shingled again: verification used to shingle every candidate's text, which
# was most of what dedupe cost. Bounded by bytes (the arrays and their texts), not by count.
SHINGLE_CACHE_BYTES = 32 * 1024 * 1024
# Entries are (shingles, bytes held: the array and the text that keys it).
_shingle_cache: cachetools.LRUCache[str, tuple[np.ndarray, int]] = cachetools.LRUCache(
    maxsize=SHINGLE_CACHE_BYTES, getsizeof=lambda entry: entry[1]
)
_shingle_lock = threading.Lock()
# One scratch buffer (_BLOCK_ROWS permutations x shingles) per thread: a fresh one per text
# costs more in page faults than the arithmetic.
_BLOCK_ROWS = 32
_scratch = threading.local()


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


def shingles(text: str) -> np.ndarray:
    """The text's word 3-shingles as sorted, distinct 64-bit hashes (a read-only array).

    A text shorter than a shingle is one shingle of all its words; an empty text none.
    The last SHINGLE_CACHE_BYTES worth of results are kept, keyed by the text.
    """
    with _shingle_lock:
        cached = _shingle_cache.get(text)
    if cached is not None:
        return cached[0]
    hashes = _shingles(text)
    hashes.flags.writeable = False
    held = hashes.nbytes + len(text) + 200  # the array, the text, their headers
    if held <= SHINGLE_CACHE_BYTES // 64:  # a huge text would push out many others
        with _shingle_lock:
            _shingle_cache[text] = (hashes, held)
    return hashes


def _shingles(text: str) -> np.ndarray:
    tokens = words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    w = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))
    if len(w) < SHINGLE_WORDS:
        w = np.concatenate([w, np.zeros(SHINGLE_WORDS - len(w), dtype=np.uint64)])
    x = (w[:-2] << _U64(32)) | w[1:-1]
    x ^= w[2:] * _WORD2
    # splitmix64's finaliser: every input bit reaches every output bit.
    x ^= x >> _U64(30)
    x *= _MIX1
    x ^= x >> _U64(27)
    x *= _MIX2
    x ^= x >> _U64(31)
    # Sorted, then each value unlike the one before it: np.unique gives the same array but
    # goes through a hash table first (numpy 2), four times slower on a text's shingles.
    x.sort()
    return x[np.concatenate(([True], x[1:] != x[:-1]))]


def signature(text: str | np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of a text or of its shingles()."""
    hashes = shingles(text) if isinstance(text, str) else text
    if len(hashes) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    size = _BLOCK_ROWS * len(hashes)
    scratch = getattr(_scratch, "buffer", None)
    if scratch is None or len(scratch) < size:
        scratch = _scratch.buffer = np.empty(max(_BLOCK_ROWS * 1024, size), np.uint64)
    block = scratch[:size].reshape(_BLOCK_ROWS, len(hashes))
    minima = np.empty(NUM_PERM, np.uint64)
    # A block of permutations at a time: its rows stay in the CPU cache from the product to
    # the minimum (all 128 rows of a long text at once did not).
    for first in range(0, NUM_PERM, _BLOCK_ROWS):
        rows = slice(first, first + _BLOCK_ROWS)
        np.multiply(_A_COL[rows], hashes[None, :], out=block)
        np.add(block, _B_COL[rows], out=block)
        block.min(axis=1, out=minima[rows])
    return (minima >> _U64(32)).astype(np.uint32)


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity estimated from two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def bands(minhash: np.ndarray) -> list[int]:
    """The LSH band hashes of a signature, band i at position i: LSH_ROWS 32-bit values packed
    into one signed 64-bit integer (a PostgreSQL bigint)."""
    rows = minhash[: LSH_BANDS * LSH_ROWS].astype(np.uint64).reshape(LSH_BANDS, LSH_ROWS)
    packed = (rows[:, 0] << _U64(32)) | rows[:, 1]
    return packed.view(np.int64).tolist()


def signature_to_json(minhash: np.ndarray) -> dict[str, Any]:
    return {
        "shingle_words": SHINGLE_WORDS,
        "num_perm": NUM_PERM,
        "seed": MINHASH_SEED,
        "scheme": MINHASH_SCHEME,
        "hashvalues": minhash.tolist(),
    }


def signature_from_json(data: Any) -> np.ndarray | None:
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
    values = data.get("hashvalues")
    if not isinstance(values, list) or len(values) != NUM_PERM:
        return None
    return np.array(values, dtype=np.uint32)


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float  # of the smaller shingle set in the larger


def similarity(a: str | np.ndarray, b: str | np.ndarray) -> Similarity:
    """Jaccard similarity and containment of two texts, or of their shingles()."""
    sa = shingles(a) if isinstance(a, str) else a
    sb = shingles(b) if isinstance(b, str) else b
    if len(sa) == 0 or len(sb) == 0:
        return Similarity(0.0, 0.0)
    # Both are sorted and distinct (shingles()): look each of the smaller up in the larger.
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    at = np.searchsorted(large, small)
    at[at == len(large)] = 0
    common = int(np.count_nonzero(large[at] == small))
    return Similarity(common / (len(sa) + len(sb) - common), common / min(len(sa), len(sb)))


def copy_kind(sim: Similarity) -> str | None:
    """ "republished", "spun" or None (not a copy) for a verified pair of texts."""
    if sim.containment >= REPUBLISHED_MIN_CONTAINMENT:
        return "republished"
    if sim.jaccard >= SPUN_MIN_JACCARD:
        return "spun"
    return None


def likeliest(minhash: np.ndarray, stored: list[tuple[Any, np.ndarray, Any]]) -> list[Any]:
    """Of (key, signature, group) candidates, the keys worth verifying, likeliest first.

    A candidate's estimate must be at least VERIFY_MIN_ESTIMATE; of each group (an original
    and its copies: a match is linked to the original whichever member it was found by)
    only the likeliest member is kept; at most MAX_VERIFIED keys.
    """
    best: dict[Any, tuple[float, Any]] = {}
    if not stored:
        return []
    # All the estimates at once: the candidates' signatures stacked, compared in one pass.
    agree = np.count_nonzero(np.stack([other for _, other, _ in stored]) == minhash, axis=1)
    for (key, _, group), same in zip(stored, agree.tolist(), strict=True):
        score = same / NUM_PERM
        if score >= VERIFY_MIN_ESTIMATE and (group not in best or score > best[group][0]):
            best[group] = (score, key)
    kept = sorted(best.values(), key=lambda pair: pair[0], reverse=True)
    return [key for _, key in kept[:MAX_VERIFIED]]


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
