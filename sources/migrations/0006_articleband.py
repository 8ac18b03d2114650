"""The near-duplicate index moves into PostgreSQL: the LSH bands of every stored article.

Until now each worker process kept its own in-memory LSH index of the whole archive,
loaded from the stored signatures (about 2 GB and two minutes at 100,000 articles).
ArticleBand holds the bands instead, indexed on (band, hash), written with the article.

The backfill bands every stored article. Signatures made with the previous scheme
(datasketch's) are made again from the text first: the scheme changed to the numpy
MinHash of sources/dedupe.py, whose bands must be what the new articles are looked up by.
"""

import django.db.models.deletion
from django.db import migrations, models

from sources import dedupe

# Articles read per round: each text is a few KB, a signature about 1 KB.
BATCH = 500


def band_articles(apps, schema_editor):
    Article = apps.get_model("sources", "Article")
    ArticleBand = apps.get_model("sources", "ArticleBand")
    last = 0
    while True:
        rows = list(
            Article.objects.filter(pk__gt=last).order_by("pk").values("pk", "text", "minhash")[
                :BATCH
            ]
        )
        if not rows:
            return
        banded = set(
            ArticleBand.objects.filter(article_id__in=[row["pk"] for row in rows])
            .values_list("article_id", flat=True)
            .distinct()
        )
        new_bands = []
        for row in rows:
            minhash = dedupe.signature_from_json(row["minhash"])
            if minhash is None:
                minhash = dedupe.signature(row["text"])
                Article.objects.filter(pk=row["pk"]).update(
                    minhash=dedupe.signature_to_json(minhash)
                )
            if row["pk"] not in banded:
                new_bands.extend(
                    ArticleBand(article_id=row["pk"], band=band, hash=value)
                    for band, value in enumerate(dedupe.bands(minhash))
                )
        ArticleBand.objects.bulk_create(new_bands)
        last = rows[-1]["pk"]


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0005_article_signatures_for_every_article"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleBand",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("band", models.PositiveSmallIntegerField()),
                ("hash", models.BigIntegerField()),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bands",
                        to="sources.article",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["band", "hash"], name="article_band_lookup")],
            },
        ),
        # Nothing to undo: the table goes with the reverse of CreateModel.
        migrations.RunPython(band_articles, migrations.RunPython.noop, elidable=True),
    ]
