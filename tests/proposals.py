"""Articles quoting speakers the registry does not know, read by the real suggester (the demo's
sources and claims: Russia is registered with "the Kremlin", Dmitry Peskov is not)."""

from __future__ import annotations

import datetime as dt

from claims.models import Stance
from claims.suggest import article_suggest
from sources.models import Article

PESKOV_SAYS = (
    "Kremlin spokesman Dmitry Peskov denied that North Korea had supplied ammunition to Russia."
)


def suggested(text: str, *, published_on: dt.date = dt.date(2024, 9, 13)) -> list[Stance]:
    """The stances the suggester files for a pasted article with ``text``."""
    article = Article.objects.create(
        title="A story", text=text, published_on=published_on, origin=Article.Origin.PASTE
    )
    article_suggest(article_id=article.pk)
    return list(
        Stance.objects.filter(article=article)
        .select_related("source__parent", "proposed_source__parent")
        .order_by("quote_start", "id")
    )
