"""An entity-expansion ("billion laughs") feed is refused before any parser expands it."""

import pytest

from sources.feeds import FeedParseError, feed_parse, feed_poll
from sources.models import Article, Feed

pytestmark = pytest.mark.django_db

LOL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://127.0.0.1/lol</link></item></channel></rss>"""


def test_the_parser_refuses_nested_entities():
    with pytest.raises(FeedParseError, match="entity expansion"):
        feed_parse(LOL)


def test_a_plain_entity_in_a_doctype_is_still_read():
    feed = feed_parse(
        b'<!DOCTYPE rss [<!ENTITY site "http://127.0.0.1/">]>'
        b'<rss version="2.0"><channel><item><title>A</title><link>http://127.0.0.1/a</link>'
        b"</item></channel></rss>"
    )
    assert [e.url for e in feed.entries] == ["http://127.0.0.1/a"]


def test_polling_a_billion_laughs_feed_leaves_the_reason_on_the_feed(web, stored_article):
    feed = Feed.objects.create(url=web.add("/lol.xml", body=LOL, content_type="text/xml"))

    feed_poll(feed_id=feed.pk, force=True)

    feed.refresh_from_db()
    assert feed.consecutive_failures == 1
    assert "entity expansion" in feed.last_error
    assert Article.objects.filter(pk=stored_article.pk).exists()


def laughs_quoted(open_quote: bytes, inner: bytes) -> bytes:
    """The laughs with each value in `open_quote`, holding the other quote before its refs."""
    q = open_quote
    levels = b"".join(
        b" <!ENTITY lol%d %s%s%s%s>\n" % (n, q, inner, b"&lol%d;" % (n - 1) * 10, q)
        for n in range(2, 10)
    )
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol1 "lol">\n'
        + levels
        + b']>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>'
    )


def test_a_single_quoted_value_holding_a_double_quote_is_refused():
    with pytest.raises(FeedParseError, match="entity expansion"):
        feed_parse(laughs_quoted(b"'", b'say "'))


def test_a_double_quoted_value_holding_a_single_quote_is_refused():
    with pytest.raises(FeedParseError, match="entity expansion"):
        feed_parse(laughs_quoted(b'"', b"it's "))
