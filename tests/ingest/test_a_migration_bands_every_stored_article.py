"""Migration sources 0006 puts the LSH bands of every stored article into ArticleBand (the
near-duplicate index shared by the workers), making again a signature that datasketch made:
an archive stored before it is seen by dedupe after it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sources import dedupe
from tests.ingest import pages

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("sources", "0005_article_signatures_for_every_article")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_articles_stored_before_the_band_table_get_their_bands():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("sources")
    old = migrate(BEFORE)
    try:
        Article = old.get_model("sources", "Article")
        seeds = pages.seeds()
        stored = {}
        for n, key in enumerate(["000", "002"]):
            text = seeds[key].text
            stored[key] = Article.objects.create(
                title=seeds[key].title,
                text=text,
                content_hash=f"{n:064d}",
                # As datasketch signed it (another scheme): made again from the text.
                minhash={
                    "shingle_words": 3,
                    "num_perm": 128,
                    "seed": 1,
                    "scheme": "affine32",
                    "hashvalues": list(range(128)),
                },
            )
        unsigned = Article.objects.create(
            title="No signature", text=seeds["003"].text, content_hash="f" * 64
        )
        stored["003"] = unsigned
    finally:
        new = migrate(latest)

    ArticleBand = new.get_model("sources", "ArticleBand")
    Article = new.get_model("sources", "Article")
    for key, article in stored.items():
        minhash = dedupe.signature(seeds[key].text)
        rows = ArticleBand.objects.filter(article_id=article.pk).order_by("band")
        assert [(r.band, r.hash) for r in rows] == list(enumerate(dedupe.bands(minhash))), key
        assert Article.objects.get(pk=article.pk).minhash == dedupe.signature_to_json(minhash)

    # And the lookup of a new spun copy finds the article stored before the migration.
    from sources.ingest import _near_duplicate

    spun = pages.spin(seeds["002"].text)
    minhash = dedupe.signature(spun)
    match = _near_duplicate(dedupe.shingles(spun), minhash, dedupe.bands(minhash))
    assert match is not None and match.article.pk == stored["002"].pk
    assert match.kind == "spun"
