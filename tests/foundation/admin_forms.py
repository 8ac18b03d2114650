"""POST bodies for the admin's claim and stance forms, as the browser would send them."""

from __future__ import annotations

from typing import Any

from claims.models import Claim, Stance

MANAGEMENT = {"MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}


def claim_form(
    claim: Claim | None = None, stances: list[dict[str, Any]] = (), **fields: Any
) -> dict:
    """The claim change/add form with its stances inline (new stances after the stored ones)."""
    data = {
        "text": claim.text if claim else "",
        "slug": claim.slug if claim else "",
        "description": claim.description if claim else "",
        "topic": claim.topic if claim else "",
        "tags": ",".join(claim.tags) if claim else "",
        "search_terms": ",".join(claim.search_terms) if claim else "",
        "status": claim.status if claim else "active",
        "verdict": claim.verdict if claim else "",
        "verdict_summary": claim.verdict_summary if claim else "",
        **fields,
    }
    stored = list(claim.stances.order_by("stated_on", "id")) if claim else []
    rows = [stance_row(s) for s in stored] + [dict(s) for s in stances]
    data.update(
        {
            "stances-TOTAL_FORMS": str(len(rows)),
            "stances-INITIAL_FORMS": str(len(stored)),
            **{f"stances-{k}": v for k, v in MANAGEMENT.items()},
        }
    )
    for i, row in enumerate(rows):
        data.update({f"stances-{i}-{key}": value for key, value in row.items()})
    return data


def stance_row(stance: Stance) -> dict[str, Any]:
    """An inline row as the admin renders a stored stance."""
    return {
        "id": stance.pk,
        "claim": stance.claim_id,
        "source": stance.source_id,
        "position": stance.position,
        "stated_on": stance.stated_on.isoformat(),
        "stated_on_precision": stance.stated_on_precision,
        "article": stance.article_id,
        "quote_exact": stance.quote_exact,
        "status": stance.status,
        "loaded_version": stance.version,
    }


def stance_form(stance: Stance, **fields: Any) -> dict[str, Any]:
    """The stance change form as loaded, with ``fields`` changed."""
    data = {
        "claim": stance.claim_id,
        "source": stance.source_id,
        "position": stance.position,
        "stated_on": stance.stated_on.isoformat(),
        "stated_on_precision": stance.stated_on_precision,
        "article": stance.article_id,
        "quote_exact": stance.quote_exact,
        "quote_prefix": stance.quote_prefix,
        "attributed_via": stance.attributed_via,
        "attributed_via_source": stance.attributed_via_source_id or "",
        "status": stance.status,
        "confidence": "" if stance.confidence is None else stance.confidence,
        "note": stance.note,
        "loaded_version": stance.version,
    }
    data.update(fields)
    return data
