"""Every stored article gets its MinHash signature, so dedupe can see it.

Articles written by other means than ingestion (the demo data loaded before it
went through ``article_store``, rows copied in by hand) had none, and the
near-duplicate index only holds articles with a signature: a copy of one of
them was stored as a new original and got its own suggestions. Signatures made
with other parameters than today's are made again. Copies already stored are
linked by ``manage.py dedupe --all``, which needs the signatures this writes.
"""

from django.db import migrations

from sources import dedupe

# Rows read and written per round: each text is a few KB, a signature about 2 KB.
BATCH = 500


def sign_articles(apps, schema_editor):
    Article = apps.get_model("sources", "Article")
    last = 0
    while True:
        rows = list(
            Article.objects.filter(pk__gt=last).order_by("pk").values("pk", "text", "minhash")[
                :BATCH
            ]
        )
        if not rows:
            return
        for row in rows:
            if dedupe.signature_from_json(row["minhash"]) is None:
                signature = dedupe.signature_to_json(dedupe.signature(row["text"]))
                Article.objects.filter(pk=row["pk"]).update(minhash=signature)
        last = rows[-1]["pk"]


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0004_ingestjob_notes_tell_later_events"),
    ]

    # Nothing to undo: a signature is derived from the text.
    operations = [migrations.RunPython(sign_articles, migrations.RunPython.noop, elidable=True)]
