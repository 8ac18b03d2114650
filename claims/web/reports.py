"""How a statement's reports read: "reported by The Hill; The Associated Press, republished by
Wealth Navigators Hub", "2 independent reports (1 copy)". The grouping itself is
claims.timeline's (Statement.origins); this only words it, for the chart and the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.timeline import ArticleRef, Statement, TimelineStance

# How a copy carries its original's story, as a reader says it.
_CARRIED = {"republished": "republished", "spun": "spun", "exact": "copied"}


@dataclass
class Carrier:
    label: str  # "The Hill", or "republished by Wealth Navigators Hub"
    report: TimelineStance


@dataclass
class Origin:
    """One independent report: the story's origin and the articles that carry it."""

    name: str
    carriers: list[Carrier] = field(default_factory=list)

    @property
    def text(self) -> str:
        others = [c.label for c in self.carriers if c.label != self.name]
        return ", ".join([self.name, *others])


def _origin_name(name: str) -> str:
    return "an unnamed outlet" if name.startswith("#") else name


def _carrier_label(article: ArticleRef, origin: str) -> str:
    outlet = article.outlet or "an unnamed outlet"
    if outlet == origin or not article.duplicate_kind:
        return outlet
    return f"{_CARRIED.get(article.duplicate_kind, 'carried')} by {outlet}"


def report_origins(statement: Statement) -> list[Origin]:
    first_report: dict[int, TimelineStance] = {}
    for report in statement.reports:
        first_report.setdefault(report.article.id, report)
    origins = []
    for name, articles in statement.origins():
        shown = _origin_name(name)
        origin = Origin(shown)
        for article in articles:
            origin.carriers.append(
                Carrier(_carrier_label(article, shown), first_report[article.id])
            )
        # The newsroom's own stories first, then the pages carrying them.
        origin.carriers.sort(key=lambda carrier: carrier.label != shown)
        origins.append(origin)
    return origins


def reports_text(statement: Statement) -> str:
    return "reported by " + "; ".join(o.text for o in report_origins(statement))


def reports_count(statement: Statement) -> str:
    """ "1 report", "2 independent reports", "3 independent reports (7 copies)"."""
    independent, copies = statement.independent_reports, statement.copies
    if independent == 1 and not copies:
        return "1 report"
    words = f"{independent} independent report{'s' if independent != 1 else ''}"
    if copies:
        words += f" ({copies} cop{'ies' if copies != 1 else 'y'})"
    return words
