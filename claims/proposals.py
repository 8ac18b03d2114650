"""Proposed sources: speakers the registry does not know, filed by the suggester and decided
by a reviewer (accepted as a new source, mapped to one already registered, or dismissed).

Writes, as in services.py (check, then do); a module of its own because a decision reaches
over three things at once: the proposal, the registry (sources.services) and every stance
waiting on the name. Each decision holds the proposal's row FOR UPDATE, so two reviewers
deciding at once decide once: the second finds it decided and gets ProposalDecided, which
says by whom and how.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import pghistory
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from claims.models import ProposalState, ProposedSource, ReviewStatus, Stance
from claims.services import StaleStanceError, stance_edit_and_confirm
from sources.models import Source, normalize_alias
from sources.selectors import AliasMatch, aliases_matching, source_by_name, source_slug_free
from sources.services import source_alias_add, source_aliases_check, source_create

logger = logging.getLogger(__name__)


class ProposalDecided(Exception):
    """Somebody decided on the proposal since it was loaded (or it was decided long ago)."""

    def __init__(self, proposal: ProposedSource) -> None:
        self.proposal = proposal
        who = proposal.decided_by or "another reviewer"
        outcome = {
            ProposalState.ACCEPTED: f"registered as {proposal.source} by {who}",
            ProposalState.MAPPED: f"mapped to {proposal.source} by {who}",
            ProposalState.DISMISSED: f"dismissed by {who}",
        }.get(ProposalState(proposal.state), proposal.state)
        super().__init__(f"{proposal.name} was already {outcome}; nothing more to do.")


@dataclass(frozen=True)
class ProposalOutcome:
    proposal: ProposedSource
    source: Source | None  # the new source or the one mapped to (None when dismissed)
    moved: int  # suggested stances that now name it
    stance: Stance | None  # the stance the reviewer acted from, as it is now


# --- Filing (the suggester) ---------------------------------------------------------


def _user_or_none(user: Any) -> Any:
    return user if user is not None and user.is_authenticated else None


def proposed_source_file(
    *, name: str, kind: str, parent_id: int, role: str
) -> ProposedSource | None:
    """The open proposal for a speaker a text introduced (claims.suggest.speakers.Introduced),
    made on first sight.

    None when the name is registered meanwhile (a source's name or alias) or was decided
    already: a dismissed name is not proposed again, an accepted one is known.
    Concurrent runs proposing one name get one row (unique ``normalized``).
    """
    normalized = normalize_alias(name[:200])
    if not normalized or source_by_name(name) is not None:
        return None
    proposal, _ = ProposedSource.objects.get_or_create(
        normalized=normalized,
        defaults={
            "name": name[:200],
            "alias": name[:200],
            "kind": kind,
            "parent_id": parent_id,
            "role": role[:300],
        },
    )
    return proposal if proposal.state == ProposalState.OPEN else None


# --- Deciding (a reviewer) ----------------------------------------------------------


def _locked_open(proposal_id: int) -> ProposedSource:
    """The proposal, locked until the transaction ends; ProposalDecided if not open."""
    proposal = ProposedSource.objects.select_for_update().get(pk=proposal_id)
    # Read what it refers to after the lock: a statement that waited for another decision
    # sees the locked row as committed, but rows it joins as they were when it began (before
    # the source the other decision created).
    proposal = ProposedSource.objects.select_related("parent", "source", "decided_by").get(
        pk=proposal.pk
    )
    if proposal.state != ProposalState.OPEN:
        raise ProposalDecided(proposal)
    return proposal


def _check_stance(proposal: ProposedSource, stance: Stance | None, version: int | None) -> None:
    """The stance the reviewer acted from must wait on this proposal, at the version they saw."""
    if stance is None:
        return
    if stance.proposed_source_id != proposal.pk:
        raise ValidationError(f"This stance does not wait on the proposal of {proposal.name}.")
    fresh = Stance.objects.select_related("reviewed_by").filter(pk=stance.pk).first()
    if fresh is None:
        raise Stance.DoesNotExist(
            f"Stance {stance.pk} was deleted since it was loaded; there is nothing to review."
        )
    if version is not None and fresh.version != version:
        raise StaleStanceError(fresh)


def _decided(proposal: ProposedSource, *, state: str, source: Source | None, reviewer: Any) -> None:
    proposal.state = state
    proposal.source = source
    proposal.decided_by = _user_or_none(reviewer)
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["state", "source", "decided_by", "decided_at"])


def _stances_move(
    proposal: ProposedSource,
    source: Source,
    *,
    reviewer: Any,
    stance: Stance | None,
    version: int | None,
    confirm: bool,
) -> tuple[int, Stance | None]:
    """Every suggested stance waiting on the proposal now names ``source``; how many, and the
    reviewer's own stance as it is now (confirmed when asked).

    Each moves in a savepoint and gets a new version, so a reviewer holding an older one is
    told it changed. One that would record the same evidence twice for ``source`` (the same
    quote already filed for it) stays with the parent. Confirmed and rejected stances stay
    as their reviewer decided.
    """
    waiting = [
        pk
        for pk in Stance.objects.filter(
            proposed_source=proposal, status=ReviewStatus.SUGGESTED
        ).values_list("pk", flat=True)
        if stance is None or pk != stance.pk
    ]
    moved = 0
    for pk in waiting:
        try:
            with transaction.atomic():
                moved += Stance.objects.filter(pk=pk, status=ReviewStatus.SUGGESTED).update(
                    source=source, version=F("version") + 1, updated_at=timezone.now()
                )
        except IntegrityError:
            logger.info(
                "proposal=%s stance=%s kept its source: evidence already filed", proposal.pk, pk
            )
    if stance is None:
        return moved, None
    current = version if version is not None else stance.version
    if confirm:
        fresh = stance_edit_and_confirm(
            stance=stance, reviewer=reviewer, version=current, source=source
        )
    elif stance.status == ReviewStatus.SUGGESTED:
        updated = Stance.objects.filter(pk=stance.pk, version=current).update(
            source=source, version=F("version") + 1, updated_at=timezone.now()
        )
        fresh = Stance.objects.select_related("reviewed_by").get(pk=stance.pk)
        if not updated:
            raise StaleStanceError(fresh)
    else:
        fresh = stance
    return moved + (fresh.source_id == source.pk), fresh


def _context(reviewer: Any) -> Any:
    """Who decided, for the audit history of what the decision writes (pghistory), also
    outside a request (a shell, a task)."""
    user = _user_or_none(reviewer)
    return pghistory.context(user=user.pk) if user is not None else pghistory.context()


def proposed_source_accept(
    *,
    proposal: ProposedSource,
    reviewer: Any,
    name: str = "",
    stance: Stance | None = None,
    version: int | None = None,
    confirm: bool = False,
) -> ProposalOutcome:
    """Register the proposed speaker as a source under its parent, with its alias, and move
    the suggested stances waiting on it to the new source.

    ``name`` overrides the proposed name (the alias stays the name as written). Given
    ``stance`` (the one the reviewer acted from, at ``version``), it moves too and, with
    ``confirm``, is confirmed. Raises ProposalDecided when somebody decided first,
    ValidationError when the name or the alias is taken (map it to that source instead),
    StaleStanceError when the stance changed since ``version``. All or nothing.
    """
    with transaction.atomic(), _context(reviewer):
        locked = _locked_open(proposal.pk)
        _check_stance(locked, stance, version)
        name = " ".join((name or locked.name).split())[:200]
        if not name:
            raise ValidationError({"name": "A source needs a name."})
        taken = Source.objects.filter(name__iexact=name).first()
        if taken is not None:
            raise ValidationError(
                {"name": f"There is already a source named {taken.name}: map the speaker to it."}
            )
        aliases = [locked.alias]
        if normalize_alias(name) != locked.normalized:
            aliases.append(name)
        problems = source_aliases_check(aliases=aliases)
        if problems:
            owner = problems[0].owner
            raise ValidationError(
                {
                    "name": f"'{problems[0].alias}' is already an alias of {owner}: map the speaker to it."
                }
            )
        parent = locked.parent
        source = source_create(
            name=name,
            slug=source_slug_free(name=name),
            kind=locked.kind,
            country=parent.country,
            parent=parent,
            description=f"Proposed by the suggester from \u2018{locked.role}\u2019."
            if locked.role
            else "",
            aliases=aliases,
        )
        _decided(locked, state=ProposalState.ACCEPTED, source=source, reviewer=reviewer)
        moved, fresh = _stances_move(
            locked, source, reviewer=reviewer, stance=stance, version=version, confirm=confirm
        )
    logger.info("proposal=%s accepted source=%s moved=%d", locked.pk, source.pk, moved)
    return ProposalOutcome(locked, source, moved, fresh)


def proposed_source_map(
    *,
    proposal: ProposedSource,
    source: Source,
    reviewer: Any,
    stance: Stance | None = None,
    version: int | None = None,
    confirm: bool = False,
) -> ProposalOutcome:
    """The proposed speaker is ``source``, registered already: it gets the name as an alias
    (unless it has it), and the stances waiting on the proposal move to it. Raises as
    proposed_source_accept does; ValidationError when the alias is another source's."""
    with transaction.atomic(), _context(reviewer):
        locked = _locked_open(proposal.pk)
        _check_stance(locked, stance, version)
        owner = (
            aliases_matching(locked.alias, match=AliasMatch.EXACT).exclude(source=source).first()
        )
        if owner is not None:
            raise ValidationError(
                {"source": f"'{locked.alias}' is already an alias of {owner.source}."}
            )
        if normalize_alias(source.name) != locked.normalized:
            source_alias_add(source=source, alias=locked.alias)
        _decided(locked, state=ProposalState.MAPPED, source=source, reviewer=reviewer)
        moved, fresh = _stances_move(
            locked, source, reviewer=reviewer, stance=stance, version=version, confirm=confirm
        )
    logger.info("proposal=%s mapped source=%s moved=%d", locked.pk, source.pk, moved)
    return ProposalOutcome(locked, source, moved, fresh)


def proposed_source_dismiss(*, proposal: ProposedSource, reviewer: Any) -> ProposalOutcome:
    """Not a source worth registering: the name is not proposed again, and its stances stay
    with the parent they speak for."""
    with transaction.atomic(), _context(reviewer):
        locked = _locked_open(proposal.pk)
        _decided(locked, state=ProposalState.DISMISSED, source=None, reviewer=reviewer)
    return ProposalOutcome(locked, None, 0, None)
