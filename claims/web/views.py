"""The web UI: home, claim timeline, article with evidence, review queue, stance actions."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from claims.models import Claim, Position, ProposedSource, ReviewStatus, Stance
from claims.proposals import (
    ProposalDecided,
    ProposalOutcome,
    proposed_source_accept,
    proposed_source_dismiss,
    proposed_source_map,
)
from claims.roles import PROPOSAL_PERMISSION, REVIEW_PERMISSION, may_review
from claims.selectors import claim_history_version
from claims.services import (
    FourEyesError,
    StaleStanceError,
    UndoRefused,
    quote_anchor,
    stance_confirm,
    stance_create,
    stance_edit_and_confirm,
    stance_reject,
    stance_review_undo,
)
from claims.suggest.explain import ClaimWhy, article_explain, text_explain
from claims.suggest.matching import sentence_words
from claims.timeline import (
    Lane,
    Statement,
    Timeline,
    claim_timeline,
    claims_timelines,
    gc_paused,
)
from claims.web import selectors
from claims.web.access import FILE_PERMISSION, QUEUE_REFUSED, actor_view, can_file, reader_view
from claims.web.chart import CHANGE_WORDS, POSITION_LABELS, change_label, render_chart
from claims.web.claim_cache import claim_page_parts
from claims.web.evidence import evidence_rows
from claims.web.forms import (
    MATCHED,
    UNDO_SESSION_KEY,
    DryRunForm,
    ProposalForm,
    ReviewForm,
    StanceEditForm,
    StanceFileForm,
    StanceFilterForm,
    UndoForm,
    WhyForm,
)
from claims.web.links import at_quote_url, http_url
from claims.web.reports import report_origins, reports_count
from claims.web.text import Span, highlighted, passage
from sources.models import Article

TABLE_PAGE_SIZE = 50
HOME_CHANGES = 10


def api_links(claim: Claim) -> dict[str, str]:
    # The REST API is built in claims/api; these paths are its contract (DESIGN.md).
    return {
        "history": f"/api/v1/claims/{claim.slug}/history/",
        "claimreview": f"/api/v1/claims/{claim.slug}/claimreview/",
    }


def _article_href(request: HttpRequest, stance: Any) -> str | None:
    """Logged-in readers open our stored copy at the quote; public readers the original page.

    None when a public reader has no http(s) page to go to (the quote is shown as text).
    """
    if request.user.is_authenticated:
        return f"{reverse('article-detail', args=[stance.article.id])}#stance-{stance.id}"
    return http_url(stance.article.url) or None


def _at_quote(stance: Any) -> str:
    """The original page opened at the quote (a text fragment), or "" without an http(s) URL."""
    return at_quote_url(
        stance.article.url,
        exact=stance.quote_exact,
        prefix=stance.quote_prefix,
        suffix=stance.quote_suffix,
    )


# --- Home ---------------------------------------------------------------------------


@require_GET
@reader_view(public=True)
def home(request: HttpRequest) -> HttpResponse:
    claims = selectors.claims_for_home()
    timelines = claims_timelines(claims=claims)
    # Active claims first; among them, the ones sources spoke about last, then the busiest.
    claims.sort(
        key=lambda c: (
            c.status != Claim.Status.ACTIVE,
            -((timelines[c.pk].date_range or (dt.date.min, dt.date.min))[1].toordinal()),
            -timelines[c.pk].statement_count,
            c.text,
        )
    )
    changes = sorted(
        ((claim, change) for claim in claims for change in timelines[claim.pk].changes),
        key=lambda pair: (pair[1].on, pair[1].stance_id),
        reverse=True,
    )
    rows = [
        {
            "claim": claim,
            "timeline": timelines[claim.pk],
            "statement_count": timelines[claim.pk].statement_count,
            "last_said": (timelines[claim.pk].date_range or (None, None))[1],
        }
        for claim in claims
    ]
    context = {
        "rows": rows,
        "changes": [
            {
                "claim": claim,
                "change": change,
                "label": change_label(change),
                "kind": CHANGE_WORDS[change.kind],
            }
            for claim, change in changes[:HOME_CHANGES]
        ],
        "review_count": selectors.review_count() if may_review(request.user) else None,
    }
    return render(request, "web/home.html", context)


# --- Claim --------------------------------------------------------------------------


def _lane_of(timeline: Timeline) -> list[tuple[Statement, Lane]]:
    pairs = [(statement, lane) for lane in timeline.lanes for statement in lane.statements]
    pairs.sort(key=lambda pair: (pair[0].stated_on, pair[0].id))
    return pairs


@require_GET
@reader_view(public=True)
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    claim = get_object_or_404(Claim, slug=slug)
    group_by = "speaker" if request.GET.get("lanes") == "speaker" else "top"

    def group_href(lane: Lane, first: dt.date, last: dt.date) -> str:
        query = {"source": lane.source.pk, "date_from": first, "date_to": last}
        if group_by == "speaker":
            query["lanes"] = "speaker"
        return f"?{urlencode(query)}#stances"

    def compute() -> tuple[Timeline, Any, list[tuple[Statement, Lane]], list[Any]]:
        with gc_paused():  # thousands of objects (statements, marks, rows), none garbage yet
            timeline = claim_timeline(claim=claim, group_by=group_by)
            chart = render_chart(
                timeline,
                stance_href=lambda s: _article_href(request, s),
                group_href=group_href,
                quote_href=_at_quote,
            )
            pairs = _lane_of(timeline)
        choices: dict[int, Any] = {}
        for stance, lane in pairs:
            choices.setdefault(lane.source.pk, lane.source)
            choices.setdefault(stance.speaker.pk, stance.speaker)
        return timeline, chart, pairs, sorted(choices.values(), key=lambda s: s.name)

    # The timeline and chart of this claim version, kept (claims/web/claim_cache.py): the
    # chart's links depend on the grouping and on whether the reader is logged in.
    version = claim_history_version(claim=claim)
    timeline, chart, pairs, sources = claim_page_parts(
        claim_id=claim.pk,
        version=version.tag,
        changed=version.last_modified,
        varies=(group_by, request.user.is_authenticated),
        compute=compute,
    )
    filters = StanceFilterForm(request.GET or None, sources=sources)
    rows = pairs
    # Filtering means a filter is set, whatever it matches (all rows, or none of none).
    filtering = filters.is_bound and filters.is_valid() and any(filters.cleaned_data.values())
    if filtering:
        data = filters.cleaned_data
        if data["source"]:
            rows = [p for p in rows if data["source"] in {p[0].speaker.pk, p[1].source.pk}]
        if data["position"]:
            rows = [p for p in rows if p[0].position == data["position"]]
        if data["date_from"]:
            rows = [p for p in rows if p[0].stated_on >= data["date_from"]]
        if data["date_to"]:
            rows = [p for p in rows if p[0].stated_on <= data["date_to"]]
    page = Paginator(rows, TABLE_PAGE_SIZE).get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)
    lanes_query = request.GET.copy()
    lanes_query.pop("page", None)
    lanes_query["lanes"] = "top" if group_by == "speaker" else "speaker"
    changes = list(reversed(timeline.changes))
    context = {
        "claim": claim,
        "timeline": timeline,
        "chart": chart,
        "group_by": group_by,
        "lanes_switch_query": lanes_query.urlencode(),
        "filters": filters,
        "filtered": filtering,
        "page": page,
        "table_rows": [
            {
                "stance": s,
                "lane": lane,
                "href": _article_href(request, s),
                "at_quote": _at_quote(s),
                "reports_count": reports_count(s),
                "origins": [
                    {
                        "origin": origin,
                        "own": any(c.label == origin.name for c in origin.carriers),
                        "carriers": [
                            {"carrier": c, "href": _article_href(request, c.report)}
                            for c in origin.carriers
                        ],
                    }
                    for origin in report_origins(s)
                ],
            }
            for s, lane in page.object_list
        ],
        "page_query": kept.urlencode(),
        "total": len(pairs),
        "matching": len(rows),
        # Every change: the chart labels the reversals only.
        "changes": [
            {"change": c, "label": change_label(c), "kind": CHANGE_WORDS[c.kind]} for c in changes
        ],
        "change_count": len(changes),
        "api": api_links(claim),
        "positions": [(p.value, p.label) for p in Position],
        **_dry_run(request, claim),
    }
    return render(request, "web/claim.html", context)


DRY_RUN = "try"


def _dry_run(request: HttpRequest, claim: Claim) -> dict[str, Any]:
    """The claim page's dry run, for those who file stances: a pasted sentence read by the
    suggester as an article of that date (claims.suggest.explain.text_explain); nothing is
    stored. A GET form, so a result can be linked to and the page reloaded."""
    if not can_file(request.user):
        return {}
    asked = any(key.startswith(f"{DRY_RUN}-") for key in request.GET)
    form = DryRunForm(request.GET if asked else None, prefix=DRY_RUN)
    result = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        result = text_explain(claim=claim, text=data["text"], dated=data["dated"])
    return {"dry_run_form": form, "dry_run": result}


# --- Articles -----------------------------------------------------------------------


@require_GET
@reader_view()
def article_list(request: HttpRequest) -> HttpResponse:
    context = {"articles": selectors.article_index(), "may_review": may_review(request.user)}
    return render(request, "web/article_list.html", context)


def _article_page(
    request: HttpRequest, article: Article, form: StanceFileForm | None, status: int = 200
) -> HttpResponse:
    stances = selectors.article_stances(article, include_unreviewed=may_review(request.user))
    spans = [
        Span(
            stance_id=s.pk,
            start=s.quote_start,
            end=s.quote_end,
            position=s.position,
            status=s.status,
            label=f"{s.source.name} {s.get_position_display()}: {s.claim.text}"
            + (" (suggested)" if s.status == ReviewStatus.SUGGESTED else ""),
        )
        for s in stances
    ]
    may_file = can_file(request.user)
    if may_file and form is None:
        form = StanceFileForm(
            initial={"stated_on": article.published_on, "claim": request.GET.get("claim")},
            claims=Claim.objects.filter(status=Claim.Status.ACTIVE).order_by("text"),
        )
    reviews = may_review(request.user)
    why_form, why = _why(request, article) if reviews else (None, None)
    context = {
        "article": article,
        "text_html": highlighted(article.text, spans),
        "stances": stances,
        "copies": selectors.article_copies(article),
        "form": form if may_file else None,
        # A reading that stopped or failed, for those who work the queue.
        "suggestion_run": selectors.article_suggestion_trouble(article) if may_file else None,
        "why_form": why_form,
        "why": why,
    }
    return render(request, "web/article.html", context, status=status)


def _why(request: HttpRequest, article: Article) -> tuple[WhyForm, list[ClaimWhy] | None]:
    """The "why" of the suggester's matches on the article, when asked (?why=): a reading
    of the article, so only on request. A copy is read as its original would be."""
    claims = Claim.objects.filter(status=Claim.Status.ACTIVE).order_by("text")
    form = WhyForm(request.GET if "why" in request.GET else None, claims=claims)
    if not form.is_bound or not form.is_valid():
        return form, None
    chosen = form.cleaned_data["why"]
    wanted = [] if chosen == MATCHED else list(Claim.objects.filter(pk=chosen))
    return form, article_explain(article=article, claims=wanted)


@require_GET
@reader_view()
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = selectors.article_for_page(pk)
    except Article.DoesNotExist:
        raise Http404("No such article.") from None
    return _article_page(request, article, None)


@require_POST
@actor_view(FILE_PERMISSION)
def article_stance_create(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = selectors.article_for_page(pk)
    except Article.DoesNotExist:
        raise Http404("No such article.") from None
    form = StanceFileForm(
        request.POST, claims=Claim.objects.filter(status=Claim.Status.ACTIVE).order_by("text")
    )
    if not form.is_valid():
        return _article_page(request, article, form, status=400)
    data = form.cleaned_data
    try:
        anchor = _anchor(article, data)
        stance = stance_create(
            claim=data["claim"],
            source=data["source"],
            article=article,
            position=data["position"],
            stated_on=data["stated_on"],
            stated_on_precision=data["stated_on_precision"],
            quote_exact=anchor.exact,
            quote_start=anchor.start,
            attributed_via=data["attributed_via"],
            note=data["note"],
            created_by=request.user,
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return _article_page(request, article, form, status=400)
    messages.success(
        request,
        f"Filed: {stance.source.name} {stance.get_position_display()} on “{stance.claim.text}”. "
        "It waits in the review queue.",
    )
    return redirect(f"{reverse('article-detail', args=[article.pk])}#stance-{stance.pk}")


def _anchor(article: Article, data: dict[str, Any]) -> Any:
    """Re-check the browser's selection against the stored text.

    The position the browser sent is a hint: if the text there is not the
    quote (the page was edited, a stale tab), the quote is looked up after its
    prefix, then anywhere; ValidationError if it is not in the text at all.
    """
    exact, start = data["quote_exact"], data.get("quote_start")
    if start is not None:
        try:
            return quote_anchor(text=article.text, exact=exact, start=start)
        except ValidationError:
            pass
    try:
        return quote_anchor(text=article.text, exact=exact, prefix=data.get("quote_prefix") or "")
    except ValidationError:
        raise ValidationError(
            {
                "quote_exact": (
                    "This quote is not in the article\u2019s stored text. Select the passage in the "
                    "text again, or paste it as it reads: the same words and spelling (straight or "
                    "curly quotes, hyphens or dashes and line breaks may differ)."
                )
            }
        ) from None


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    """JSON with <, > and & written as \\u escapes, as json_script does.

    A name stored with markup in it stays inert even for a client that pastes
    the response into HTML.
    """

    ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

    def encode(self, o: Any) -> str:
        return super().encode(o).translate(self.ESCAPES)


@require_GET
@reader_view()
def source_lookup(request: HttpRequest) -> JsonResponse:
    """The source picker: sources whose name or an alias resembles ?q= (JSON)."""
    query = request.GET.get("q", "")[:100]
    matches = selectors.source_lookup(query) if query.strip() else []
    return JsonResponse(
        encoder=HtmlSafeJSONEncoder,
        data={
            "results": [
                {
                    "id": m.source.pk,
                    "name": m.source.name,
                    "alias": m.alias,
                    "label": m.source.name
                    if m.alias == m.source.name
                    else f"{m.alias} → {m.source.name}",
                }
                for m in matches
            ]
        },
    )


# --- Review queue -------------------------------------------------------------------


@require_GET
@actor_view(REVIEW_PERMISSION, QUEUE_REFUSED)
def review_queue(request: HttpRequest) -> HttpResponse:
    queue = selectors.review_queue()
    total = queue.count()
    stances = list(queue[: selectors.QUEUE_PAGE_SIZE])
    decides = request.user.has_perm(PROPOSAL_PERMISSION)
    claims = {s.claim_id: s.claim for s in stances}
    timelines = claims_timelines(claims=claims.values()) if claims else {}
    # Which of its claim's words each sentence has (one query): why it matched, in short.
    words = sentence_words(
        pairs=[(s.claim_id, str(s.evidence.get("sentence") or s.quote_exact)) for s in stances]
    )
    items = []
    for stance, matched_on in zip(stances, words, strict=True):
        # The lane this speaker's statement would join (no query: the timeline knows its speakers).
        lanes = timelines[stance.claim_id].lanes
        lane = next(
            (ln for ln in lanes if stance.source_id in {sp.pk for sp in ln.speakers}),
            next(
                (ln for ln in lanes if ln.source.pk in {stance.source_id, stance.source.parent_id}),
                None,
            ),
        )
        items.append(
            {
                "stance": stance,
                "passage": passage(stance.article.text, stance.quote_start, stance.quote_end),
                "evidence": evidence_rows(stance.evidence),
                "matched_on": matched_on,
                "why": f"{reverse('article-detail', args=[stance.article_id])}"
                f"?why={stance.claim_id}#why-claim-{stance.claim_id}",
                "lane": lane,
                "edit_form": StanceEditForm(
                    initial=StanceEditForm.initial_for(stance), auto_id=f"edit-{stance.pk}-%s"
                ),
                # Four eyes: the queue offers no confirm (nor edit, which confirms) on a
                # stance the reviewer filed; the service refuses it anyway.
                "needs_second": settings.FACTCHECK_FOUR_EYES
                and stance.created_by_id == request.user.pk,
                # A speaker the registry does not know, for the reviewer to register.
                "proposal": stance.proposed_source
                if decides
                and stance.proposed_source is not None
                and stance.proposed_source.state == ProposedSource.State.OPEN
                else None,
            }
        )
    context = {
        "items": items,
        "total": total,
        "shown": len(items),
        "review_form": ReviewForm(),
    }
    return render(request, "web/queue.html", context)


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _stance_or_404(pk: int) -> Stance:
    return get_object_or_404(Stance.objects.select_related("claim", "source", "reviewed_by"), pk=pk)


GONE = "Somebody deleted this stance since you opened it; there is nothing left to review."


def _summary(stance: Stance) -> str:
    return (
        f"{stance.source.name} {stance.get_position_display()} on \u201c{stance.claim.text}\u201d"
    )


def _review(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Confirm or reject with the version the reviewer loaded; a stale one is refused, not applied.

    The flash message of a decision offers to undo it (web/_undo.html, from the session).
    """
    stance = _stance_or_404(pk)
    form = ReviewForm(request.POST)
    back = _next_url(request, reverse("review-queue"))
    if not form.is_valid():
        if "version" in form.errors:
            messages.error(request, "This form is missing the stance version; reload the page.")
        else:
            problems = " ".join(str(e) for errors in form.errors.values() for e in errors)
            messages.error(request, f"Not {action}ed: {_summary(stance)}. {problems}")
        return redirect(back)
    version = form.cleaned_data["version"]
    try:
        if action == "confirm":
            stance = stance_confirm(stance=stance, reviewer=request.user, version=version)
        else:
            stance = stance_reject(
                stance=stance,
                reviewer=request.user,
                version=version,
                note=form.cleaned_data["note"],
                reason=form.cleaned_data["reject_reason"],
            )
    except (StaleStanceError, FourEyesError) as exc:
        messages.error(request, f"Not {action}ed: {_summary(stance)}. {exc}")
        return redirect(back)
    except Stance.DoesNotExist:
        messages.error(request, f"Not {action}ed: {_summary(stance)}. {GONE}")
        return redirect(back)
    why = f" ({stance.reject_reason})" if stance.reject_reason else ""
    request.session[UNDO_SESSION_KEY] = {"stance": stance.pk, "version": stance.version}
    messages.success(
        request, f"{action.capitalize()}ed: {_summary(stance)}{why}.", extra_tags=UNDO_SESSION_KEY
    )
    return redirect(back)


@require_POST
@actor_view(REVIEW_PERMISSION)
def stance_undo_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Take back the reviewer's last decision: the stance waits in the queue again."""
    stance = _stance_or_404(pk)
    form = UndoForm(request.POST)
    back = _next_url(request, reverse("review-queue"))
    request.session.pop(UNDO_SESSION_KEY, None)
    if not form.is_valid():
        messages.error(request, "This form is missing the stance version; reload the page.")
        return redirect(back)
    try:
        stance = stance_review_undo(
            stance=stance, reviewer=request.user, version=form.cleaned_data["version"]
        )
    except (UndoRefused, StaleStanceError) as exc:
        messages.error(request, f"Not undone: {_summary(stance)}. {exc}")
    except Stance.DoesNotExist:
        messages.error(request, f"Not undone: {_summary(stance)}. {GONE}")
    else:
        messages.success(request, f"Undone: {_summary(stance)} waits for review again.")
    return redirect(back)


@require_POST
@actor_view(REVIEW_PERMISSION)
def stance_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, "confirm")


@require_POST
@actor_view(REVIEW_PERMISSION)
def stance_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, "reject")


@require_http_methods(["GET", "POST"])
@actor_view(REVIEW_PERMISSION)
def stance_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    stance = get_object_or_404(
        Stance.objects.select_related("claim", "source", "article__outlet", "reviewed_by"), pk=pk
    )
    back = _next_url(request, reverse("review-queue"))
    status = 200
    stale: StaleStanceError | None = None
    if request.method == "POST":
        form = StanceEditForm(request.POST)
        if form.is_valid():
            try:
                stance = stance_edit_and_confirm(
                    stance=stance,
                    reviewer=request.user,
                    version=form.cleaned_data["version"],
                    **form.changes(),
                )
            except StaleStanceError as exc:
                # Keep what the reviewer typed; show what is stored now; a second save is
                # a deliberate overwrite of the newer version.
                stale, stance = exc, exc.stance
                data = request.POST.copy()
                data["version"] = str(stance.version)
                form = StanceEditForm(data)
                form.is_valid()
                status = 409
            except Stance.DoesNotExist:
                messages.error(request, f"Not saved: {_summary(stance)}. {GONE}")
                return redirect(back)
            except FourEyesError as exc:
                form.add_error(None, str(exc))
                status = 403
            except ValidationError as exc:
                form.add_error(None, exc)
                status = 400
            else:
                messages.success(request, f"Edited and confirmed: {_summary(stance)}.")
                return redirect(back)
        else:
            status = 400
    else:
        form = StanceEditForm(initial=StanceEditForm.initial_for(stance))
    context = {
        "stance": stance,
        "form": form,
        "stale": stale,
        "next": back,
        "passage": passage(stance.article.text, stance.quote_start, stance.quote_end),
        "position_labels": POSITION_LABELS,
    }
    return render(request, "web/stance_edit.html", context, status=status)


# --- Proposed sources ---------------------------------------------------------------


def _decision_message(outcome: ProposalOutcome, decision: str) -> str:
    proposal, source = outcome.proposal, outcome.source
    moved = (
        f" {outcome.moved} suggested stance{'s' if outcome.moved != 1 else ''} now "
        f"name{'s' if outcome.moved == 1 else ''} {source.name}."
        if source
        else ""
    )
    if decision == "accept" and source is not None:
        text = (
            f"Registered {source.name} ({source.kind}, speaks for {proposal.parent.name}) "
            f"with the alias \u201c{proposal.alias}\u201d.{moved}"
        )
    elif decision == "map" and source is not None:
        text = f"{proposal.name} is {source.name}: alias \u201c{proposal.alias}\u201d added.{moved}"
    else:
        text = (
            f"Dismissed the proposal of {proposal.name}; its stances stay with "
            f"{proposal.parent.name}."
        )
    stance = outcome.stance
    if stance is not None and stance.status == ReviewStatus.CONFIRMED:
        text += f" Confirmed: {_summary(stance)}."
    return text


@require_POST
@actor_view(PROPOSAL_PERMISSION)
def proposal_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept, map or dismiss a proposed source from the queue item of one of its stances."""
    proposal = get_object_or_404(ProposedSource.objects.select_related("parent"), pk=pk)
    back = _next_url(request, reverse("review-queue"))
    form = ProposalForm(request.POST)
    if not form.is_valid():
        problems = " ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, f"Nothing done for {proposal.name}: {problems}")
        return redirect(back)
    data = form.cleaned_data
    decision = data["decision"]
    stance = Stance.objects.filter(pk=data["stance"]).select_related("claim", "source").first()
    verb = {"accept": "accepted", "map": "mapped", "dismiss": "dismissed"}[decision]
    try:
        if decision == "accept":
            outcome = proposed_source_accept(
                proposal=proposal,
                reviewer=request.user,
                name=data["name"],
                stance=stance,
                version=data["version"],
                confirm=data["confirm"],
            )
        elif decision == "map":
            outcome = proposed_source_map(
                proposal=proposal,
                source=data["source"],
                reviewer=request.user,
                stance=stance,
                version=data["version"],
                confirm=data["confirm"],
            )
        else:
            outcome = proposed_source_dismiss(proposal=proposal, reviewer=request.user)
    except ValidationError as exc:
        problems = " ".join(exc.messages)
        messages.error(request, f"Not {verb}: {proposal.name}. {problems}")
        return redirect(back)
    except (ProposalDecided, StaleStanceError, FourEyesError) as exc:
        messages.error(request, f"Not {verb}: {proposal.name}. {exc}")
        return redirect(back)
    except Stance.DoesNotExist:
        messages.error(request, f"Not {verb}: {proposal.name}. {GONE}")
        return redirect(back)
    messages.success(request, _decision_message(outcome, decision))
    return redirect(back)
