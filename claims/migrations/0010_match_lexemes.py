"""Each claim's topic lexemes (``match_lexemes``, GIN-indexed): matching reads only the claims
sharing a lexeme with the article (claims/suggest/matching.py). The compiler writes them, and
the trigger keeps them from any other writer as it keeps the rest of the compiled query. Every
compiled query is marked stale so the next matching run compiles the lexemes with it."""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_proposed_sources"),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name="claim",
            name="claim_match_query_compiled_only",
        ),
        migrations.AddField(
            model_name="claim",
            name="match_lexemes",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.TextField(), blank=True, editable=False, null=True, size=None
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=django.contrib.postgres.indexes.GinIndex(
                fastupdate=False, fields=["match_lexemes"], name="claim_match_lexemes"
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(("match_query__isnull", True)),
                fields=["status"],
                name="claim_match_stale",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="claim",
            trigger=pgtrigger.compiler.Trigger(
                name="claim_match_query_compiled_only",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="\n        IF coalesce(current_setting('claims.match_compiling', true), '') = 'on' THEN\n            RETURN NEW;\n        END IF;\n        IF TG_OP = 'INSERT' THEN\n            NEW.match_query := NULL;\n            NEW.match_lexemes := NULL;\n        ELSIF NEW.text IS DISTINCT FROM OLD.text\n           OR NEW.search_terms IS DISTINCT FROM OLD.search_terms THEN\n            NEW.match_query := NULL;\n        ELSIF NEW.match_query IS NOT NULL THEN\n            NEW.match_query := OLD.match_query;\n            NEW.match_terms := OLD.match_terms;\n            NEW.match_words := OLD.match_words;\n            NEW.match_lexemes := OLD.match_lexemes;\n            NEW.match_giver_id := OLD.match_giver_id;\n        END IF;\n        RETURN NEW;\n    ",
                    hash="c1475b3518d79af83d04e832ecd3aba347ac6849",
                    operation="INSERT OR UPDATE",
                    pgid="pgtrigger_claim_match_query_compiled_only_aa5c2",
                    table="claims_claim",
                    when="BEFORE",
                ),
            ),
        ),
        migrations.RunSQL(
            "UPDATE claims_claim SET match_query = NULL WHERE match_query IS NOT NULL",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
