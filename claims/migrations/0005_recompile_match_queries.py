"""Claims' stored match queries now name governments as news does (claims/suggest/gazetteer.py):
mark every compiled query stale so the next suggestion run compiles it again."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_claim_match_query")]

    operations = [
        migrations.RunSQL(
            "UPDATE claims_claim SET match_query = NULL WHERE match_query IS NOT NULL",
            reverse_sql=migrations.RunSQL.noop,
        )
    ]
