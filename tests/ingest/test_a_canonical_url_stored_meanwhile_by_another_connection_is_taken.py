"""article_store meets the unique index: someone committed the canonical URL first, we take their row.

The advisory lock serialises our own stores, so only a writer that does not take it (a
script, another version of the code, the admin) can race us to the unique index. Here a
second PostgreSQL connection inserts the URL in an open transaction; article_store,
running in a thread, blocks on the index until that transaction commits.
"""

import threading
import time

import psycopg
import pytest
from django.db import connection

from sources.ingest import ArticleDraft, article_store
from sources.models import Article, content_hash
from tests.ingest import pages
from tests.workers import worker_database_url

pytestmark = pytest.mark.django_db(transaction=True)

URL = "https://news.example.org/2024/09/13/kim-shoigu"


def waiting_on_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


def test_the_store_blocked_on_the_unique_index_returns_the_committed_row():
    seed = pages.seeds()["003"]
    other = psycopg.connect(worker_database_url())  # its own transaction, not Django's
    inserted = other.execute(
        "INSERT INTO sources_article (url, canonical_url, origin, title, byline, language,"
        " text, html, content_hash, duplicate_kind, original_url, created_at)"
        " VALUES (%s, %s, 'url', 'Stored by another writer', '', 'en', %s, '', %s, '', '',"
        " now()) RETURNING id",
        [URL, URL, "Another writer's text.", content_hash("Another writer's text.")],
    ).fetchone()[0]

    outcome: dict = {}
    backend = threading.Event()

    def store() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                outcome["pid"] = cursor.fetchone()[0]
            backend.set()
            outcome["result"] = article_store(
                draft=ArticleDraft(url=URL, canonical_url=URL, title=seed.title, text=seed.text)
            )
        except Exception as exc:  # reported below, in the test's thread
            outcome["error"] = exc
        finally:
            backend.set()
            connection.close()

    thread = threading.Thread(target=store)
    thread.start()
    try:
        assert backend.wait(30)
        deadline = time.monotonic() + 30
        while not waiting_on_a_lock(outcome["pid"]):  # blocked on the other's index entry
            assert thread.is_alive(), outcome
            assert time.monotonic() < deadline, "article_store never reached the unique index"
            time.sleep(0.05)
        other.commit()
        thread.join(30)
    finally:
        other.close()

    assert "error" not in outcome, outcome.get("error")
    article, created = outcome["result"]
    assert created is False
    assert article.pk == inserted
    assert article.title == "Stored by another writer"
    assert Article.objects.count() == 1
