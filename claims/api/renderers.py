"""The claim history's JSON through orjson, byte for byte what DRF's JSONRenderer writes.

DRF's JSONRenderer (UNICODE_JSON, COMPACT_JSON and STRICT_JSON at their defaults) calls
json.dumps with ensure_ascii=False and separators (",", ":"), then escapes U+2028 and
U+2029. orjson writes the same bytes for the values the history holds (dicts with string
keys, lists, strings, ints, None, booleans; dates are already strings) with two
exceptions handled here: it leaves U+2028 / U+2029 unescaped (replaced after), and it
writes some floats differently (0.00001 where Python writes 1e-05): history_data wraps
such floats in ReprFloat, which orjson hands to ``default`` and json.dumps writes as a
float. tests/api/test_history_output_is_unchanged.py compares the two renderers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from rest_framework.renderers import JSONRenderer


class ReprFloat(float):
    """A float whose JSON text must be Python's repr (json.dumps writes it so already)."""


def float_json(value: float | None) -> float | None:
    """``value`` as the history puts it in its data: wrapped when orjson would write it
    otherwise than json.dumps (exponent notation below 1e-4, and from 1e16 up)."""
    if value is None or value == 0 or 1e-4 <= abs(value) < 1e16:
        return value
    return ReprFloat(value)


def _default(value: Any) -> Any:
    if isinstance(value, ReprFloat):
        return orjson.Fragment(float.__repr__(value).encode())
    raise TypeError(f"{type(value).__name__} is not in the history's JSON")


class RenderedJSON:
    """JSON already rendered (the history cache's bytes): written as it is, not copied
    (a history is megabytes)."""

    __slots__ = ("body",)

    def __init__(self, body: bytes) -> None:
        self.body = body


_LINE_SEPARATOR = "\u2028".encode()
_PARAGRAPH_SEPARATOR = "\u2029".encode()


def dumps(data: Any) -> bytes:
    """DRF JSONRenderer's bytes for ``data`` (no indent), through orjson."""
    return escape_separators(orjson.dumps(data, default=_default))


def escape_separators(body: bytes) -> bytes:
    """U+2028 and U+2029 escaped in JSON bytes, as DRF's JSONRenderer escapes them."""
    if _LINE_SEPARATOR in body:
        body = body.replace(_LINE_SEPARATOR, b"\\u2028")
    if _PARAGRAPH_SEPARATOR in body:
        body = body.replace(_PARAGRAPH_SEPARATOR, b"\\u2029")
    return body


class HistoryJSONRenderer(JSONRenderer):
    """JSONRenderer's output, faster; pretty-printing (``indent``) goes the old way."""

    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type or "", renderer_context or {})
        if indent is not None or self.ensure_ascii or not self.compact:
            if isinstance(data, RenderedJSON):
                data = orjson.loads(data.body)
            return super().render(data, accepted_media_type, renderer_context)
        if isinstance(data, RenderedJSON):
            return data.body
        return dumps(data)
