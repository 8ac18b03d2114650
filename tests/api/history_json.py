"""Reading the history's JSON in tests: a lane's stances are its statements' reports."""

from __future__ import annotations

from typing import Any


def reports(lane: dict[str, Any]) -> list[dict[str, Any]]:
    """Every stance of a lane, statement by statement (what lanes listed as 'stances' before)."""
    return [report for statement in lane["statements"] for report in statement["reports"]]
