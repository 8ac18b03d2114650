"""Cursor pagination: stable pages while rows are added, no COUNT(*) over big tables."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

# PostgreSQL's bigint, the widest id a cursor can point at.
MAX_ID = 2**63 - 1


class IdCursorPagination(CursorPagination):
    """Oldest first by id: unique and indexed, so a cursor never skips or repeats a row."""

    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_cursor_message = (
        "That cursor is not one this API handed out; start from the first page."
    )

    def decode_cursor(self, request: Any) -> Any:
        """The cursor, or a 404 with the message for one this API did not hand out: DRF
        checks its encoding but not that its position is an id ("p=abc", "p=1e999")."""
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise
        except (ValueError, TypeError, UnicodeError) as exc:
            raise NotFound(self.invalid_cursor_message) from exc
        if cursor is not None and cursor.position is not None:
            try:
                position = int(cursor.position)
            except ValueError as exc:
                raise NotFound(self.invalid_cursor_message) from exc
            if not 0 <= position <= MAX_ID:
                raise NotFound(self.invalid_cursor_message)
        return cursor
