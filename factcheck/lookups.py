"""Finding a row by what a URL or a query names it: its numeric id or its slug."""

from __future__ import annotations

import re

from django.db.models import Q

# What a slug can be (Django's slug converter); anything else is looked up by
# nothing, so odd path segments (NUL bytes, spaces) never reach the database.
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
# Primary keys are bigint; a longer number cannot be one.
_MAX_ID = 2**63 - 1


def id_or_slug_filter(value: str) -> Q | None:
    """The filter that finds a row by its numeric id or its slug, or None when it can be neither."""
    if value.isascii() and value.isdigit():
        number = int(value)
        return Q(pk=number) if 0 < number <= _MAX_ID else None
    return Q(slug=value) if _SLUG.match(value) else None
