"""The admin editors use for claims and stances (quotes checked against the article text).

It also adds to the sources admin what only claims knows: the stances of each source
and each article.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import transaction
from django.db.models import Count, F, Func, Q, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from claims.forms import StanceForm, StanceInlineForm
from claims.models import Claim, ProposedSource, ReviewStatus, Stance, SuggestionRun
from claims.services import (
    FourEyesError,
    StaleStanceError,
    stance_confirm,
    stance_delete,
    stance_reject,
    stance_save,
)
from claims.tasks import suggest_stances_for_article
from claims.web.evidence import evidence_rows
from claims.web.text import passage
from factcheck.audit_admin import AuditEventAdmin, AuditHistoryMixin
from sources import admin as sources_admin
from sources.models import Article, Source

admin.site.register(Claim.pgh_event_model, AuditEventAdmin)  # type: ignore[attr-defined]
admin.site.register(Stance.pgh_event_model, AuditEventAdmin)  # type: ignore[attr-defined]
admin.site.register(ProposedSource.pgh_event_model, AuditEventAdmin)  # type: ignore[attr-defined]


@admin.register(ProposedSource)
class ProposedSourceAdmin(AuditHistoryMixin, admin.ModelAdmin):
    """Speakers the suggester proposed, and what became of them. Read only: they are decided
    in the review queue (or over the API), where the decision moves their stances too."""

    list_display = ["name", "kind", "parent", "role", "state", "source", "decided_by", "decided_at"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "role", "parent__name"]
    list_select_related = ["parent", "source", "decided_by"]
    # Decided in the queue (or over the API), where the decision moves the stances too.
    readonly_fields = [
        "name",
        "alias",
        "kind",
        "parent",
        "role",
        "state",
        "source",
        "decided_by",
        "decided_at",
        "created_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _stamp_user(request: HttpRequest, form: Any, stance: Stance) -> None:
    if stance.pk is None and stance.created_by_id is None:
        stance.created_by = request.user  # type: ignore[assignment]
    if getattr(form, "review_changed", False) and stance.status != ReviewStatus.SUGGESTED:
        stance.reviewed_by = request.user  # type: ignore[assignment]


def _with_reviewer(form: type[forms.BaseForm], request: HttpRequest) -> Any:
    """The stance form knowing who saves it, so four eyes hold in the admin too."""
    return type(form.__name__, (form,), {"reviewer": request.user})


def _count(n: int) -> str:
    return f"{n} stance" if n == 1 else f"{n} stances"


class TagFilter(admin.SimpleListFilter):
    title = "tag"
    parameter_name = "tag"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        tags = (
            Claim.objects.annotate(tag=Func(F("tags"), function="unnest"))
            .values_list("tag", flat=True)
            .order_by("tag")
            .distinct()[:200]
        )
        return [(tag, tag) for tag in tags]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(tags__contains=[self.value()])
        return queryset


class StanceInline(admin.TabularInline):
    """The claim's stances, one row each, narrow enough for the page (1,366 px with the sidebar).

    Who, position, when, article, quote and status; "reported through", the quote's
    context and the machine's evidence are on each stance's own page (the Change link).
    The quote is anchored in the article by its words: offsets are the database's business.
    """

    model = Stance
    form = StanceInlineForm
    fields = [
        "source",
        "position",
        "stated_on",
        "stated_on_precision",
        "article",
        "quote_exact",
        "status",
        "loaded_version",
    ]
    autocomplete_fields = ["source", "article"]
    extra = 1
    show_change_link = True
    ordering = ["stated_on", "id"]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        # No room in a row for the add/change/delete/view buttons of a source or an
        # article: the Sources and Articles admins and the stance's own page have them.
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            widget = field.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return field

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("source", "article")

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = _with_reviewer(formset.form, request)
        return formset

    # Editing stances inside a claim form is for those who may save the claim;
    # reviewers see them read-only here and change them on the stance page.
    def _may_change_claim(self, request: HttpRequest) -> bool:
        return request.user.has_perm("claims.change_claim")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_change_claim(request) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_change_claim(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_change_claim(request) and super().has_delete_permission(request, obj)


@admin.register(Claim)
class ClaimAdmin(AuditHistoryMixin, admin.ModelAdmin):
    list_display = [
        "text",
        "slug",
        "status",
        "verdict",
        "topic",
        "tag_list",
        "confirmed",
        "suggested",
    ]
    list_filter = ["status", TagFilter, "topic", "verdict"]
    search_fields = ["text", "slug", "description", "topic"]
    prepopulated_fields = {"slug": ["text"]}
    readonly_fields = ["created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["text", "slug", "description", "topic", "tags", "search_terms"]}),
        (
            "Period of validity",
            {
                "fields": [("valid_from", "valid_to")],
                "description": (
                    "Optional. For a claim about a period (\u201ctroops sent in early 2025\u201d): "
                    "articles whose original date lies outside it are not matched."
                ),
            },
        ),
        ("Status and verdict", {"fields": ["status", "verdict", "verdict_summary"]}),
        ("Record", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    inlines = [StanceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                _confirmed=Count("stances", filter=Q(stances__status=ReviewStatus.CONFIRMED)),
                _suggested=Count("stances", filter=Q(stances__status=ReviewStatus.SUGGESTED)),
            )
            .order_by("text")  # Meta.ordering does not apply to a GROUP BY query
        )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """A search word that is a tag finds the claims with that tag."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            found = found | queryset.filter(tags__overlap=search_term.split())
        return found, may_have_duplicates

    def save_model(self, request: HttpRequest, obj: Claim, form: Any, change: bool) -> None:
        if not change and obj.created_by_id is None:
            obj.created_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for inline_form in formset.forms:
            if inline_form.has_changed() and inline_form.is_valid():
                _stamp_user(request, inline_form, inline_form.instance)
        if formset.model is not Stance:
            super().save_formset(request, form, formset, change)
            return
        # Through the review service, so a stance changed on the claim page is announced
        # (claims.signals) like one changed in the queue.
        for stance in formset.save(commit=False):
            stance_save(stance=stance, actor=request.user)
        for stance in formset.deleted_objects:
            stance_delete(stance=stance, actor=request.user)

    @admin.display(description="tags")
    def tag_list(self, claim: Claim) -> str:
        return ", ".join(claim.tags)

    @admin.display(description="confirmed stances", ordering="_confirmed")
    def confirmed(self, claim: Any) -> int:
        return claim._confirmed

    @admin.display(description="suggested", ordering="_suggested")
    def suggested(self, claim: Any) -> int:
        return claim._suggested


@admin.register(Stance)
class StanceAdmin(AuditHistoryMixin, admin.ModelAdmin):
    form = StanceForm
    list_display = ["__str__", "position", "status", "source", "claim", "stated_on", "article"]
    list_filter = [
        "position",
        "status",
        ("source", admin.RelatedOnlyFieldListFilter),
        ("stated_on", admin.DateFieldListFilter),
        ("claim", admin.RelatedOnlyFieldListFilter),
    ]
    date_hierarchy = "stated_on"
    search_fields = ["quote_exact", "source__name", "source__aliases__alias", "attributed_via"]
    autocomplete_fields = ["claim", "source", "article", "attributed_via_source"]
    list_select_related = ["claim", "source", "article"]
    readonly_fields = [
        "in_the_article",
        "machine_evidence",
        "created_by",
        "created_at",
        "reviewed_by",
        "reviewed_at",
        "updated_at",
        "version",
    ]
    fieldsets = [
        (None, {"fields": ["claim", "source", "position", "stated_on", "stated_on_precision"]}),
        (
            "Evidence",
            {
                "fields": [
                    "article",
                    "quote_exact",
                    "in_the_article",
                    "quote_prefix",
                    "attributed_via",
                    "attributed_via_source",
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    "status",
                    "reject_reason",
                    "confidence",
                    "machine_evidence",
                    "note",
                    "created_by",
                    "created_at",
                    "reviewed_by",
                    "reviewed_at",
                    "updated_at",
                    "version",
                    "loaded_version",
                ]
            },
        ),
    ]
    actions = ["confirm_selected", "reject_selected"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        return _with_reviewer(super().get_form(request, obj, change, **kwargs), request)

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "quote_prefix":
            kwargs["label"] = "Text just before the quote"
            kwargs["help_text"] = (
                "Filled in from the article. The quote is anchored after these words: "
                "where the quote occurs more than once, put the words before the one you mean."
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Stance, form: Any, change: bool) -> None:
        _stamp_user(request, form, obj)
        stance_save(stance=obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: Stance) -> None:
        stance_delete(stance=obj, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for stance in queryset:
            stance_delete(stance=stance, actor=request.user)

    @admin.display(description="in the article")
    def in_the_article(self, stance: Stance) -> SafeString | str:
        """The quote marked in its passage (as the review queue shows it), and a link to it."""
        if stance.pk is None or stance.article_id is None:
            return "-"
        around = passage(stance.article.text, stance.quote_start, stance.quote_end)
        return format_html(
            '{}<a href="{}#stance-{}">Open the article at the quote</a>',
            SafeString(render_to_string("web/_passage.html", {"passage": around})),
            reverse("article-detail", args=[stance.article_id]),
            stance.pk,
        )

    @admin.display(description="machine's evidence")
    def machine_evidence(self, stance: Stance) -> SafeString | str:
        """What the suggester recorded, in words and lists (the review queue's rendering)."""
        rows = evidence_rows(stance.evidence)
        if not rows:
            return "-"
        return format_html(
            '<dl class="machine">{}</dl>',
            SafeString(render_to_string("web/_evidence.html", {"rows": rows})),
        )

    def _review(self, request: HttpRequest, queryset: QuerySet, service: Any, done: str) -> None:
        """Review the selected stances that still wait for review; say which were skipped and why.

        A stance somebody confirmed or rejected after the list was loaded is
        left alone: the bulk action reviews suggestions, it does not overturn
        another reviewer's decision (the stance page does that, deliberately).
        Each review carries the version read here, so one changed between this
        read and its write is reported as stale, not overwritten.
        """
        changed, skipped, stale = 0, [], []
        for stance in queryset.select_related("source", "reviewed_by"):
            if stance.status != ReviewStatus.SUGGESTED:
                who = f" by {stance.reviewed_by}" if stance.reviewed_by else ""
                skipped.append(f"{stance} (already {stance.get_status_display().lower()}{who})")
                continue
            try:
                service(stance=stance, reviewer=request.user, version=stance.version)
                changed += 1
            except (StaleStanceError, FourEyesError, Stance.DoesNotExist) as exc:
                stale.append(f"{stance}: {exc}")
        self.message_user(request, f"{_count(changed)} {done}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{_count(len(skipped))} skipped, no longer waiting for review: "
                + "; ".join(skipped)
                + ".",
                messages.WARNING,
            )
        for message in stale:
            self.message_user(request, message, messages.WARNING)

    @admin.action(description="Confirm selected stances", permissions=["change"])
    def confirm_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._review(request, queryset, stance_confirm, "confirmed")

    @admin.action(description="Reject selected stances", permissions=["change"])
    def reject_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._review(request, queryset, stance_reject, "rejected")


# --- The sources admin, with the stances ---------------------------------------------

admin.site.unregister(Source)
admin.site.unregister(Article)


@admin.register(Source)
class SourceAdmin(sources_admin.SourceAdmin):
    list_display = [*sources_admin.SourceAdmin.list_display, "stance_count"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(_stances=Count("stances", distinct=True))
            .order_by("name")  # Meta.ordering does not apply to a GROUP BY query
        )

    @admin.display(description="stances", ordering="_stances")
    def stance_count(self, source: Any) -> int:
        return source._stances


@admin.register(Article)
class ArticleAdmin(sources_admin.ArticleAdmin):
    list_display = [*sources_admin.ArticleAdmin.list_display, "stance_count"]
    fieldsets = [
        (name, {**options, "fields": [*options["fields"], "stances", "suggestions"]})
        if name == "Provenance"
        else (name, options)
        for name, options in sources_admin.ArticleAdmin.fieldsets
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [*super().get_readonly_fields(request, obj), "stances", "suggestions"]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        if not request.user.has_perm("claims.add_stance"):
            actions.pop("suggest_again", None)
        return actions

    actions = ["suggest_again"]

    @admin.action(description="Run suggestions again for the selected articles")
    def suggest_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        originals = list(queryset.filter(duplicate_of__isnull=True).values_list("pk", flat=True))
        transaction.on_commit(lambda: [suggest_stances_for_article.delay(pk) for pk in originals])
        copies = queryset.count() - len(originals)
        self.message_user(
            request,
            f"Suggestions queued again for {len(originals)} article(s)"
            + (
                f"; {copies} cop{'ies' if copies != 1 else 'y'} skipped (the original carries them)"
                if copies
                else ""
            )
            + ". What is already recorded is not filed twice.",
            messages.SUCCESS,
        )

    @admin.display(description="suggestions")
    def suggestions(self, article: Article) -> str:
        run = SuggestionRun.objects.filter(article_id=article.pk).first()
        return run.summary if run else "not read yet"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(_stances=Count("stances"))
            .order_by("-published_on", "-created_at")
        )

    @admin.display(description="stances", ordering="_stances")
    def stance_count(self, article: Any) -> int:
        return article._stances

    @admin.display(description="stances quoting it")
    def stances(self, article: Article) -> str:
        if article.pk is None:
            return "-"
        count = Stance.objects.filter(article=article).count()
        return sources_admin.changelist_link(
            Stance, f"{count} stances", article__id__exact=article.pk
        )
