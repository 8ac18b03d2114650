"""The machine's evidence for a suggested stance, as a reviewer reads it.

``Stance.evidence`` is what claims.suggest recorded: the cue, the alias that
named the speaker and how it was found, notes on the position, the words that
dated it, whether the claim was found through a back-reference. The queue
shows each as words, lists as lists; keys it does not know are still shown,
plainly. The sentence is left out: the passage above it shows the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# How claims.suggest found the speaker (evidence["alias_method"]).
SPEAKER_FOUND = {
    "alias": "named",
    "trigram": "found by a close spelling",
    "pronoun": "found by pronoun",
    "quotation": "speaker of the running quotation",
}
SHOWN_ELSEWHERE = {"sentence", "alias_method"}
ORDER = ["cue", "alias", "date_words", "back_reference", "notes"]


@dataclass(frozen=True)
class EvidenceRow:
    label: str
    text: str = ""
    items: tuple[str, ...] = ()
    quoted: bool = False  # words from the article, shown in quotation marks


def evidence_rows(evidence: dict[str, Any] | None) -> list[EvidenceRow]:
    evidence = evidence or {}
    keys = [k for k in ORDER if k in evidence]
    keys += sorted(k for k in evidence if k not in ORDER and k not in SHOWN_ELSEWHERE)
    rows = []
    for key in keys:
        value = evidence[key]
        if key == "alias":
            rows.append(_speaker(value, evidence.get("alias_method")))
        elif key == "back_reference":
            if value:
                rows.append(EvidenceRow("claim", "found through a back-reference"))
        elif key == "cue":
            rows.append(EvidenceRow("cue", str(value), quoted=True))
        elif key == "date_words":
            rows.append(EvidenceRow("dated by", str(value), quoted=True))
        else:
            rows.append(_plain(key.replace("_", " "), value))
    return [row for row in rows if row.text or row.items]


def _speaker(alias: Any, method: Any) -> EvidenceRow:
    how = SPEAKER_FOUND.get(str(method or ""), "")
    if method == "quotation":
        return EvidenceRow("speaker", how)
    if method == "alias" or not how:
        return EvidenceRow("speaker", str(alias), quoted=True)
    return EvidenceRow("speaker", f"“{alias}”, {how}")


def _plain(label: str, value: Any) -> EvidenceRow:
    if isinstance(value, bool):
        return EvidenceRow(label, "yes" if value else "no")
    if isinstance(value, list | tuple):
        return EvidenceRow(label, items=tuple(_words(v) for v in value if v not in ("", None)))
    if isinstance(value, dict):
        return EvidenceRow(label, items=tuple(f"{k}: {_words(v)}" for k, v in value.items()))
    if value in ("", None):
        return EvidenceRow(label)
    return EvidenceRow(label, _words(value), quoted=isinstance(value, str))


def _words(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_words(v) for v in value)
    return str(value)
