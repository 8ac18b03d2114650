"""Links to a claim's alerts from the claim page: its Atom feed (with the reader's feed token
when feeds are private) and the form to follow it."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode

from alerts.models import FeedToken
from alerts.roles import may_subscribe

register = template.Library()


@register.inclusion_tag("alerts/_claim_links.html", takes_context=True)
def claim_alert_links(context: dict[str, Any], claim: Any) -> dict[str, Any]:
    user = context["request"].user
    feed = reverse("feed-claim", kwargs={"slug": claim.slug})
    if not settings.FACTCHECK_PUBLIC_CLAIM_PAGES and user.is_authenticated:
        # Read only (one query): the Alerts page makes a token on its first visit.
        token = FeedToken.objects.filter(user=user).values_list("token", flat=True).first()
        if token:
            feed += "?" + urlencode({"token": token})
    follow = reverse("alerts") + "?" + urlencode({"claim": claim.pk}) if may_subscribe(user) else ""
    return {"feed": feed, "follow": follow, "private": not settings.FACTCHECK_PUBLIC_CLAIM_PAGES}
