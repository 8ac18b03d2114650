"""Cursor pagination: stable pages while rows are added, no COUNT(*) over big tables."""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Oldest first by id: unique and indexed, so a cursor never skips or repeats a row."""

    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_cursor_message = (
        "That cursor is not one this API handed out; start from the first page."
    )
