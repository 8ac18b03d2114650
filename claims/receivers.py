"""What claims does when sources announces news of an article (sources/signals.py).

Connected in ClaimsConfig.ready(). sources stores articles and says so; which
articles get suggestions, and what becomes of the suggestions of an article that
turns out to be a copy, is claims' business.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import transaction

from claims.services import stance_suggestions_withdraw
from claims.tasks import suggest_stances_for_article
from sources.models import Article


def article_suggestions_queue(article_id: int) -> None:
    suggest_stances_for_article.delay(article_id)


def on_article_stored(*, article: Article, **kwargs: Any) -> None:
    """An original gets its suggestions once it is committed; copies share their original's.

    The demo's seeds come with the stances the demo shows, checked by hand (some of them
    left waiting for review on purpose): no machine suggestions on top of them.
    """
    if article.duplicate_of_id is None and article.origin != Article.Origin.DEMO:
        transaction.on_commit(functools.partial(article_suggestions_queue, article.pk))


def on_articles_demoted(*, articles: list[Article], original: Article, **kwargs: Any) -> None:
    """Articles that became copies lose the suggestions still waiting for review."""
    stance_suggestions_withdraw(articles=articles, new_original=original)
