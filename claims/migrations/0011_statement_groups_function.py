"""claims_statement_groups(): the statements of a claim's history, grouped in PostgreSQL.

The API writes a claim's history as JSON inside PostgreSQL (claims/api/history.py). One
step is not a window function: a stance joins the latest statement of its speaker and
position when its date lies within STATEMENT_DAYS of that statement's FIRST report
(claims.timeline.statements_group), a reset that depends on the rows before it. This
function walks the claim's stances once, in (speaker, position, stated order), numbers
their statements and says which stances share theirs with others.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION claims_statement_groups(
    p_claim bigint, p_statuses text[], p_sources bigint[], p_window integer
) RETURNS TABLE (
    id bigint, source_id bigint, "position" text, stated_on date, stated_on_precision text,
    status text, article_id bigint, confidence double precision, quote_exact text,
    quote_prefix text, quote_suffix text, quote_start integer, quote_end integer,
    attributed_via text, statement_no integer, shared boolean
)
LANGUAGE plpgsql STABLE ROWS 5000 AS $$
#variable_conflict use_column
DECLARE
    r record;
    started boolean := false;  -- the stance before is out once it is known if it shares
    period_start date;
    anchor date;
    previous_source bigint;
    previous_position text;
    pending_shared boolean := false;
    n integer := 0;
BEGIN
    -- The claim's stances of p_statuses (and of p_sources, unless NULL) in (speaker,
    -- position, stated order): a stance joins its speaker's latest statement of that
    -- position when its date lies within p_window days of that statement's first report's
    -- (a month or a year stands for all its days); otherwise it starts a statement.
    FOR r IN
        SELECT s.id, s.source_id, s.position, s.stated_on, s.stated_on_precision, s.status,
               s.article_id, s.confidence, s.quote_exact, s.quote_prefix, s.quote_suffix,
               s.quote_start, s.quote_end, s.attributed_via
        FROM claims_stance s
        WHERE s.claim_id = p_claim AND s.status = ANY(p_statuses)
          AND (p_sources IS NULL OR s.source_id = ANY(p_sources))
        ORDER BY s.source_id, s.position, s.stated_on, s.id
    LOOP
        period_start := CASE r.stated_on_precision
            WHEN 'year' THEN date_trunc('year', r.stated_on)::date
            WHEN 'month' THEN date_trunc('month', r.stated_on)::date
            ELSE r.stated_on END;
        IF NOT started OR r.source_id <> previous_source OR r.position <> previous_position
           OR period_start - p_window > anchor THEN
            IF started THEN
                shared := pending_shared;
                RETURN NEXT;
            END IF;
            n := n + 1;
            pending_shared := false;
            anchor := CASE r.stated_on_precision
                WHEN 'year' THEN (date_trunc('year', r.stated_on) + interval '1 year - 1 day')::date
                WHEN 'month' THEN
                    (date_trunc('month', r.stated_on) + interval '1 month - 1 day')::date
                ELSE r.stated_on END;
        ELSE
            shared := true;
            RETURN NEXT;
            pending_shared := true;
        END IF;
        started := true;
        previous_source := r.source_id;
        previous_position := r.position;
        id := r.id; source_id := r.source_id; "position" := r.position;
        stated_on := r.stated_on; stated_on_precision := r.stated_on_precision;
        status := r.status; article_id := r.article_id; confidence := r.confidence;
        quote_exact := r.quote_exact; quote_prefix := r.quote_prefix;
        quote_suffix := r.quote_suffix; quote_start := r.quote_start; quote_end := r.quote_end;
        attributed_via := r.attributed_via; statement_no := n;
    END LOOP;
    IF started THEN
        shared := pending_shared;
        RETURN NEXT;
    END IF;
END
$$;
"""

DROP = "DROP FUNCTION IF EXISTS claims_statement_groups(bigint, text[], bigint[], integer);"


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_match_lexemes")]

    operations = [migrations.RunSQL(CREATE, DROP)]
