"""The dedupe thresholds against the seed corpus (the figures are in the README)."""

import itertools
import os
import subprocess
import sys

from sources import dedupe
from tests.ingest import pages


def texts() -> dict[str, str]:
    return {key: seed.text for key, seed in pages.seeds().items()}


def test_no_two_seeds_are_copies_of_each_other():
    for (a, ta), (b, tb) in itertools.combinations(texts().items(), 2):
        sim = dedupe.similarity(ta, tb)
        assert dedupe.copy_kind(sim) is None, (a, b, sim)


def test_two_reports_of_one_event_stay_well_below_the_spun_threshold():
    sim = dedupe.similarity(texts()["000"], texts()["001"])
    assert 0.05 < sim.jaccard < dedupe.SPUN_MIN_JACCARD / 2


def test_a_spun_copy_is_spun():
    for key, text in texts().items():
        sim = dedupe.similarity(text, pages.spin(text))
        assert dedupe.copy_kind(sim) in {"spun", "republished"}, (key, sim)
    sim = dedupe.similarity(texts()["002"], pages.spin(texts()["002"]))
    assert dedupe.copy_kind(sim) == "spun"


def test_a_trimmed_republished_copy_is_republished():
    seed = pages.seeds()["003"]
    trimmed = "\n".join([*seed.paragraphs[:-1], "Source: Reuters. Read more on our site."])
    assert dedupe.copy_kind(dedupe.similarity(seed.text, trimmed)) == "republished"


TEXT = "the same words hash alike in every worker process whatever its hash seed"


def _share_a_band(a, b) -> bool:
    return any(x == y for x, y in zip(dedupe.bands(a), dedupe.bands(b), strict=True))


def test_the_lsh_bands_find_the_copies_and_verification_keeps_them():
    stored = {key: dedupe.signature(text) for key, text in texts().items()}
    spun = dedupe.signature(pages.spin(texts()["002"]))
    candidates = [(key, sig, key) for key, sig in stored.items() if _share_a_band(spun, sig)]
    assert "002" in [key for key, _, _ in candidates]
    assert dedupe.likeliest(spun, candidates)[0] == "002"
    same = dedupe.signature(texts()["003"])
    assert dedupe.bands(same) == dedupe.bands(stored["003"])
    assert len(dedupe.bands(same)) == dedupe.LSH_BANDS


def test_a_stored_signature_round_trips():
    minhash = dedupe.signature(texts()["004"])
    again = dedupe.signature_from_json(dedupe.signature_to_json(minhash))
    assert again is not None
    assert dedupe.estimate(again, minhash) == 1.0
    assert dedupe.signature_from_json({"num_perm": 64}) is None
    datasketch_made = {**dedupe.signature_to_json(minhash), "scheme": "affine32"}
    assert dedupe.signature_from_json(datasketch_made) is None


def test_shingles_are_the_same_in_every_process():
    # Stored signatures and bands are compared across workers: no per-process hash seed.
    assert dedupe.shingles("one two three four")[0] in dedupe.shingles("one two three")
    assert dedupe.shingles("One, two three.").tolist() == dedupe.shingles("one two three").tolist()
    assert len(dedupe.shingles("one two three four")) == 2
    code = f"from sources import dedupe; print(dedupe.bands(dedupe.signature('{TEXT}')))"
    for seed in ("1", "2"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == str(dedupe.bands(dedupe.signature(TEXT)))


def test_canonical_urls_drop_tracking_and_fragments():
    assert (
        dedupe.canonical_url("HTTPS://WWW.Example.com:443/a/b?utm_source=x&id=5&fbclid=1#top")
        == "https://www.example.com/a/b?id=5"
    )


def test_a_canonical_link_to_another_site_is_not_trusted():
    assert (
        dedupe.choose_canonical(
            fetched_url="https://farm.example/copy", declared="https://apnews.com/article/x"
        )
        == "https://farm.example/copy"
    )
    assert (
        dedupe.choose_canonical(
            fetched_url="https://www.reuters.com/x?utm_source=rss",
            declared="https://reuters.com/world/x",
        )
        == "https://reuters.com/world/x"
    )


def test_kept_shingles_are_the_ones_a_fresh_count_gives_and_cannot_be_changed():
    text = texts()["001"]
    first = dedupe.shingles(text)
    again = dedupe.shingles("".join(text))  # an equal text read anew, as from the database
    assert again.tolist() == first.tolist() == dedupe._shingles(text).tolist()
    assert not again.flags.writeable
    spun = pages.spin(text)
    sim = dedupe.similarity(text, spun)
    a, b = dedupe._shingles(text), dedupe._shingles(spun)
    common = len(set(a.tolist()) & set(b.tolist()))
    assert sim.jaccard == common / (len(a) + len(b) - common)
    assert sim.containment == common / min(len(a), len(b))


def test_the_likeliest_candidates_come_first_one_per_group():
    own = dedupe.signature(texts()["002"])
    spun = dedupe.signature(pages.spin(texts()["002"]))
    other = dedupe.signature(texts()["003"])
    stored = [("other", other, "g3"), ("spun", spun, "g2"), ("same", own, "g2")]
    assert dedupe.likeliest(own, stored) == ["same"]  # one of group g2; 003 is too far
    assert dedupe.likeliest(own, []) == []
