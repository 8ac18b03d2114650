"""Template helpers of the web UI: position badges, dates at their precision, safe outside links,
and whether the reader reviews stances."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.defaultfilters import truncatechars
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString

from claims import roles
from claims.models import Position
from claims.timeline import format_date
from claims.web import chart, links
from claims.web.forms import UNDO_SESSION_KEY

register = template.Library()

LABELS = {p.value: p.label for p in Position}


@register.filter
def may_review(user: Any) -> bool:
    """``{% if user|may_review %}``: the review queue and suggested stances are for this reader."""
    return roles.may_review(user)


@register.simple_tag
def position_glyph(position: str, size: int = 12) -> SafeString:
    """The chart's mark for a position as a small inline SVG (same shape as on the timeline)."""
    return format_html(
        '<svg class="shape" width="{}" height="{}" viewBox="0 0 14 14" aria-hidden="true">{}</svg>',
        size,
        size,
        SafeString(chart.glyph(position, 7, 7, 5.2)),
    )


@register.simple_tag
def band_swatch(position: str) -> SafeString:
    """The legend's sample of a position's band (the chart's pattern, drawn on its own)."""
    return SafeString(chart.band_swatch(position))


@register.simple_tag
def position_badge(position: str | None, prefix: str = "") -> SafeString:
    """A position as words plus a shape (not colour alone): ● asserts ■ denies ▲ hedges ○ no comment."""
    if not position:
        return format_html('<span class="badge badge-none">no position</span>')
    return format_html(
        '<span class="badge badge-{}">{}{}{}</span>',
        position,
        position_glyph(position),
        prefix,
        LABELS.get(position, position),
    )


@register.filter
def said_on(stance: Any) -> str:
    """A stance's date as precise as it is known: 2024-09-14, 2024-09 or 2024."""
    return format_date(stance.stated_on, stance.stated_on_precision)


@register.filter
def position_label(position: str) -> str:
    return LABELS.get(position, position)


@register.filter
def http_url(url: str | None) -> str:
    """The URL if it is http(s), else "": ``{% if article.url|http_url %}``."""
    return links.http_url(url)


@register.simple_tag
def external_link(url: str | None, label: str = "") -> SafeString:
    """A link to a page elsewhere, only for an http(s) URL; any other URL is shown as text.

    ``label`` defaults to the URL itself (shortened).
    """
    href = links.http_url(url)
    if href:
        return format_html(
            '<a href="{}" rel="noopener noreferrer nofollow">{}</a>',
            href,
            label or truncatechars(href, 80),
        )
    if not url:
        return format_html("{}", label)
    return format_html(
        '<span class="url-text" title="Not a web address, so not a link">{}</span>',
        truncatechars(url, 80),
    )


@register.simple_tag(takes_context=True)
def review_undo_form(context: template.Context) -> str:
    """The Undo button of a decision's flash message: takes back the stance the session names."""
    request = context.get("request")
    if request is None:
        return ""
    undo = request.session.get(UNDO_SESSION_KEY)
    if not undo:
        return ""
    return render_to_string(
        "web/_undo.html",
        {"stance": undo["stance"], "version": undo["version"], "next": request.get_full_path()},
        request=request,
    )
