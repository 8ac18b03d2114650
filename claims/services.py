"""Writes on claims and stances: check, then do (see STYLE.md)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Length
from django.utils import timezone

from claims.models import (
    REJECT_REASON_MAX,
    Claim,
    DatePrecision,
    Position,
    ProposedSource,
    ReviewStatus,
    Stance,
    quote_errors,
)
from claims.quotes import quote_at, quote_find
from claims.selectors import reviewer_last_decision
from claims.signals import Cause, StanceState, stance_changed
from sources.models import Article, Source
from sources.selectors import AliasMatch, aliases_matching

logger = logging.getLogger(__name__)

# W3C TextQuoteSelector context: enough characters to re-find a quote that
# occurs more than once, short enough to read.
CONTEXT_CHARS = 32


class StaleStanceError(Exception):
    """Somebody else reviewed or edited the stance since it was loaded."""

    def __init__(self, stance: Stance) -> None:
        self.stance = stance
        who = stance.reviewed_by or "another user"
        super().__init__(
            f"This stance was changed by {who} since you opened it "
            f"(it is now {stance.get_status_display().lower()}). Reload to see the current version."
        )


class FourEyesError(PermissionDenied):
    """Four eyes (settings.FACTCHECK_FOUR_EYES): a stance a reviewer filed needs another to confirm it."""


class UndoRefused(Exception):
    """A reviewer may take back only their own last decision, and only while nobody changed it."""


def stance_four_eyes_check(*, created_by_id: int | None, reviewer: Any) -> None:
    """Raise FourEyesError when four eyes are on and ``reviewer`` filed the stance they confirm.

    A suggestion of the machine (no creator) may be confirmed by any reviewer.
    Off by default (FACTCHECK_FOUR_EYES).
    """
    user = _user_or_none(reviewer)
    if not settings.FACTCHECK_FOUR_EYES or user is None or created_by_id is None:
        return
    if created_by_id == user.pk:
        raise FourEyesError(
            "You filed this stance yourself, and this workbench asks for four eyes: "
            "another reviewer must confirm it."
        )


@dataclass(frozen=True)
class QuoteAnchor:
    """A TextQuoteSelector plus a TextPositionSelector into an article's text."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


def quote_anchor(
    *, text: str, exact: str, start: int | None = None, prefix: str = ""
) -> QuoteAnchor:
    """Anchor ``exact`` in ``text``: at ``start`` if given, else after ``prefix``, else its first occurrence.

    Typography is forgiven (straight for curly quotes, hyphens for dashes, one
    space for any whitespace: claims.quotes); the anchor holds the article's own
    characters, so the stored quote is verbatim. Raises ValidationError when the
    quote is not in the text.
    """
    if not exact or not exact.strip():
        raise ValidationError({"quote_exact": "A stance needs a quote from the article."})
    if start is None:
        span = quote_find(text, exact, prefix=prefix)
        if span is None:
            raise ValidationError({"quote_exact": "The quote is not in the article text."})
        start, end = span
    else:
        found_end = quote_at(text, exact, start)
        if found_end is None:
            raise ValidationError(
                quote_errors(text=text, exact=exact, start=start, end=start + len(exact))
                or {"quote_exact": "The quote is not in the article text."}
            )
        end = found_end
    return QuoteAnchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


def stance_suggestions_withdraw(*, articles: list[Article], new_original: Article) -> int:
    """Delete the suggestions still waiting for review on articles that became copies.

    The new original gets its own set, and copies get none. Confirmed and rejected
    stances stay, as reviewed evidence anchored in the copy's text. Returns how many went.
    """
    withdrawn, _ = Stance.objects.filter(
        article__in=articles, status=ReviewStatus.SUGGESTED
    ).delete()
    if withdrawn:
        logger.info(
            "suggestions_withdrawn articles=%s new_original=%s stances=%d",
            [row.pk for row in articles],
            new_original.pk,
            withdrawn,
        )
    return withdrawn


def _user_or_none(user: AbstractBaseUser | AnonymousUser | None) -> Any:
    return user if user is not None and user.is_authenticated else None


def _cause(before: Stance | None, after: Stance | None) -> str:
    if after is None:
        return Cause.DELETED
    if after.status == ReviewStatus.CONFIRMED:
        confirmed_before = before is not None and before.status == ReviewStatus.CONFIRMED
        return Cause.EDITED if confirmed_before else Cause.CONFIRMED
    if after.status == ReviewStatus.REJECTED:
        return Cause.REJECTED
    return Cause.FILED if before is None else Cause.REOPENED


def _announce(*, before: Stance | None, after: Stance | None, actor: Any) -> None:
    """Tell the apps above (claims.signals) what a write did to a stance.

    Called inside the write's transaction, after the write: a receiver's own rows
    (alerts' outbox) commit or roll back with the change.
    """
    stance = after or before
    assert stance is not None
    stance_changed.send(
        sender=Stance,
        claim_id=stance.claim_id,
        before=StanceState.of(before) if before is not None else None,
        after=StanceState.of(after) if after is not None else None,
        actor=_user_or_none(actor),
        cause=_cause(before, after),
    )


def stance_create(
    *,
    claim: Claim,
    source: Source,
    article: Article,
    position: str,
    stated_on: dt.date,
    quote_exact: str,
    quote_start: int | None = None,
    quote_prefix: str = "",
    stated_on_precision: str = DatePrecision.DAY,
    attributed_via: str = "",
    attributed_via_source: Source | None = None,
    status: str = ReviewStatus.SUGGESTED,
    confidence: float | None = None,
    evidence: dict | None = None,
    note: str = "",
    created_by: AbstractBaseUser | AnonymousUser | None = None,
    proposed_source: ProposedSource | None = None,
) -> Stance:
    """Create a stance whose quote is anchored in the article text.

    Raises ValidationError for a bad position, status or quote, and when the
    same evidence is already recorded for this claim and source.
    """
    if position not in Position.values:
        raise ValidationError(
            {"position": f"'{position}' is not one of {', '.join(Position.values)}."}
        )
    if status not in ReviewStatus.values:
        raise ValidationError(
            {"status": f"'{status}' is not one of {', '.join(ReviewStatus.values)}."}
        )
    user = _user_or_none(created_by)
    if status == ReviewStatus.CONFIRMED and user is not None:
        stance_four_eyes_check(created_by_id=user.pk, reviewer=user)
    anchor = quote_anchor(
        text=article.text, exact=quote_exact, start=quote_start, prefix=quote_prefix
    )
    reviewed = status != ReviewStatus.SUGGESTED
    stance = Stance(
        claim=claim,
        source=source,
        article=article,
        position=position,
        stated_on=stated_on,
        stated_on_precision=stated_on_precision,
        quote_exact=anchor.exact,
        quote_prefix=anchor.prefix,
        quote_suffix=anchor.suffix,
        quote_start=anchor.start,
        quote_end=anchor.end,
        attributed_via=attributed_via,
        attributed_via_source=attributed_via_source,
        status=status,
        confidence=confidence,
        evidence=evidence or {},
        note=note,
        proposed_source=proposed_source,
        created_by=user,
        reviewed_by=user if reviewed else None,
        reviewed_at=timezone.now() if reviewed else None,
    )
    try:
        with transaction.atomic():
            stance.save()
            _announce(before=None, after=stance, actor=user)
    except IntegrityError as exc:
        if "stance_unique_evidence" in str(exc):
            raise ValidationError(
                {"quote_exact": "This quote is already recorded for this claim and source."}
            ) from exc
        raise
    return stance


def _review(
    *, stance: Stance, reviewer: Any, version: int, status: str, changes: dict[str, Any]
) -> Stance:
    """Apply a review action only if nobody changed the stance since ``version`` was read.

    One UPDATE ... WHERE version = %s: two reviewers acting on the same
    stance cannot overwrite each other, the second one gets StaleStanceError.
    Raises Stance.DoesNotExist when the stance was deleted meanwhile, and
    ValidationError on ``source`` when the change would record the same
    evidence twice (stance_unique_evidence). Runs in a savepoint, so a refused
    change leaves the caller's transaction usable. Back to suggested (an undo),
    the stance has no reviewer; a reason to reject stays only on a rejected one.
    """
    if status == ReviewStatus.CONFIRMED:
        stance_four_eyes_check(created_by_id=stance.created_by_id, reviewer=reviewer)
    now = timezone.now()
    reviewed = status != ReviewStatus.SUGGESTED
    fields = {
        "reject_reason": "",
        **changes,
        "status": status,
        "reviewed_by": _user_or_none(reviewer) if reviewed else None,
        "reviewed_at": now if reviewed else None,
        "updated_at": now,
        "version": F("version") + 1,
    }
    try:
        with transaction.atomic():
            # The row as it was, locked until the change commits: what the change is from.
            before = Stance.objects.select_for_update().filter(pk=stance.pk).first()
            updated = Stance.objects.filter(pk=stance.pk, version=version).update(**fields)
            fresh = Stance.objects.select_related("reviewed_by").filter(pk=stance.pk).first()
            if updated and fresh is not None:
                _announce(before=before, after=fresh, actor=reviewer)
    except IntegrityError as exc:
        if "stance_unique_evidence" not in str(exc):
            raise
        source = changes.get("source") or stance.source
        raise ValidationError(
            {"source": f"{source} already has this quote recorded on this claim."}
        ) from exc
    if fresh is None:
        raise Stance.DoesNotExist(
            f"Stance {stance.pk} was deleted since it was loaded; there is nothing to review."
        )
    if not updated:
        raise StaleStanceError(fresh)
    return fresh


def stance_confirm(*, stance: Stance, reviewer: Any, version: int | None = None) -> Stance:
    """Confirm; FourEyesError when four eyes are on and the reviewer filed it."""
    return _review(
        stance=stance,
        reviewer=reviewer,
        version=stance.version if version is None else version,
        status=ReviewStatus.CONFIRMED,
        changes={},
    )


def stance_reject(
    *,
    stance: Stance,
    reviewer: Any,
    version: int | None = None,
    note: str = "",
    reason: str = "",
) -> Stance:
    """Reject, with the reviewer's reason: a RejectReason or their own words (or none).

    The reason is stored on the stance (so the audit history shows it) until the
    stance is confirmed or taken back to the queue.
    """
    reason = " ".join(reason.split())
    if len(reason) > REJECT_REASON_MAX:
        raise ValidationError(
            {"reason": f"A reason is at most {REJECT_REASON_MAX} characters ({len(reason)} given)."}
        )
    changes: dict[str, Any] = {"reject_reason": reason}
    if note:
        changes["note"] = note
    return _review(
        stance=stance,
        reviewer=reviewer,
        version=stance.version if version is None else version,
        status=ReviewStatus.REJECTED,
        changes=changes,
    )


def stance_review_undo(*, stance: Stance, reviewer: Any, version: int) -> Stance:
    """Take back a reviewer's last decision: the stance goes back to the queue (suggested).

    Only the reviewer who decided may, only their latest decision (their last
    confirm, reject or edit of any stance, from the audit history), and only
    while nobody changed the stance since (``version``: StaleStanceError
    otherwise). A note or an edit made with the decision stays; the reason to
    reject goes. Raises UndoRefused with the reason otherwise.
    """
    user = _user_or_none(reviewer)
    if stance.status == ReviewStatus.SUGGESTED:
        raise UndoRefused("This stance waits for review: there is no decision to undo.")
    if user is None or stance.reviewed_by_id != user.pk:
        who = stance.reviewed_by or "another reviewer"
        raise UndoRefused(f"Only {who}, who decided on this stance, can undo that decision.")
    if reviewer_last_decision(reviewer=user) != (stance.pk, stance.reviewed_at):
        raise UndoRefused(
            "You can only undo your last decision; this stance was decided before it."
        )
    return _review(
        stance=stance,
        reviewer=user,
        version=version,
        status=ReviewStatus.SUGGESTED,
        changes={},
    )


EDITABLE_FIELDS = {
    "source",
    "position",
    "stated_on",
    "stated_on_precision",
    "attributed_via",
    "attributed_via_source",
    "note",
}


def stance_edit_and_confirm(
    *, stance: Stance, reviewer: Any, version: int | None = None, **changes: Any
) -> Stance:
    """A reviewer corrects a suggestion (source, position, date…) and confirms it in one step.

    ``attributed_via_source`` follows ``attributed_via``: unless the caller
    sets it, a changed "reported through" is resolved again from its words
    (cleared when it names no known source), and a relay that is now the
    speaker itself is dropped. ``stance`` must be the version the reviewer
    saw; StaleStanceError otherwise (see _review).
    """
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(f"These fields cannot be edited here: {', '.join(sorted(unknown))}.")
    if "position" in changes and changes["position"] not in Position.values:
        raise ValidationError({"position": f"'{changes['position']}' is not a position."})
    if "attributed_via_source" not in changes:
        relay = _relay_after_edit(stance=stance, changes=changes)
        if relay != stance.attributed_via_source_id:
            changes["attributed_via_source"] = relay
    return _review(
        stance=stance,
        reviewer=reviewer,
        version=stance.version if version is None else version,
        status=ReviewStatus.CONFIRMED,
        changes=changes,
    )


def stance_save(*, stance: Stance, actor: Any) -> Stance:
    """Save a stance the admin's form has checked (quote, version, four eyes), and announce it.

    The form does the checking; this keeps the admin's writes telling the apps above
    (claims.signals) what changed, as the queue's and the API's do. The old row is
    locked until the caller's transaction commits.
    """
    with transaction.atomic():
        before = (
            Stance.objects.select_for_update().filter(pk=stance.pk).first()
            if stance.pk is not None
            else None
        )
        stance.save()
        _announce(before=before, after=stance, actor=actor)
    return stance


def stance_delete(*, stance: Stance, actor: Any) -> bool:
    """Delete a stance (the admin's delete), and announce it; False when it was already gone."""
    with transaction.atomic():
        before = Stance.objects.select_for_update().filter(pk=stance.pk).first()
        if before is None:
            return False
        Stance.objects.filter(pk=before.pk).delete()
        _announce(before=before, after=None, actor=actor)
    return True


def _relay_after_edit(*, stance: Stance, changes: dict[str, Any]) -> int | None:
    """The id of the relaying source once ``changes`` are applied."""
    via = changes.get("attributed_via", stance.attributed_via)
    speaker = changes["source"].pk if changes.get("source") else stance.source_id
    relay = stance.attributed_via_source_id
    if via != stance.attributed_via:
        found = relay_source_resolve(via)
        relay = found.pk if found is not None else None
    # A source does not relay its own words.
    return None if relay == speaker else relay


def relay_source_resolve(text: str) -> Source | None:
    """The source a "reported through" phrase names: "KCNA said" -> KCNA, or None.

    The longest alias found as whole words in the phrase wins. An alias
    written in capitals ("US", "DPRK") must be in capitals in the phrase too,
    so "he told us" names nobody.
    """
    candidates = aliases_matching(text or "", match=AliasMatch.WITHIN).order_by(
        Length("normalized").desc(), "pk"
    )
    for alias in candidates:
        if alias.alias.isupper() and not re.search(rf"\b{re.escape(alias.alias)}\b", text):
            continue
        return alias.source
    return None
