"""The admin editors use for sources, outlets, feeds, articles and ingest jobs.

The History pages of sources (with their aliases) are the audit trail of
factcheck/audit_admin.py.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from pghistory.models import Events

from factcheck.audit_admin import LABELS, AuditEventAdmin, AuditHistoryMixin, shown
from sources.forms import ArticleForm, FetchableURLField, IngestSubmitForm, SourceAliasFormSet
from sources.models import Article, Feed, IngestJob, Outlet, Source, SourceAlias
from sources.selectors import AliasMatch, aliases_matching
from sources.services import (
    feed_enable,
    ingest_text_submit,
    ingest_url_submit,
    source_create,
    source_update,
)

admin.site.register(Source.pgh_event_model, AuditEventAdmin)  # type: ignore[attr-defined]
admin.site.register(SourceAlias.pgh_event_model, AuditEventAdmin)  # type: ignore[attr-defined]


# --- Sources ---------------------------------------------------------------------

# Typed URLs without a scheme are taken as https (Django 6's default, stated now).
HTTPS_URLS: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}
# A feed's URL is fetched: http or https only, refused here rather than at its first poll.
FEED_URLS: dict[type[models.Field], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https", "form_class": FetchableURLField}
}


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    formset = SourceAliasFormSet
    fields = ["alias"]
    extra = 2


class ChildSourceInline(admin.TabularInline):
    model = Source
    fk_name = "parent"
    fields = readonly_fields = ("name", "kind", "country")
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "speaker for this source"
    verbose_name_plural = "speakers for this source (their stances sit in its timeline lane)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _alias_message(event: Events) -> str:
    """Aliases show in their source's history, so they say which alias they are."""
    alias = (event.pgh_data or {}).get("alias")
    renamed = (event.pgh_diff or {}).get("alias")
    if event.pgh_label == "insert":
        return f"Added alias {shown(alias)}"
    if event.pgh_label == "update" and renamed:
        return f"Renamed alias {shown(renamed[0])} → {shown(renamed[1])}"
    return f"{LABELS.get(event.pgh_label, event.pgh_label)} alias {shown(alias)}"


@admin.register(Source)
class SourceAdmin(AuditHistoryMixin, admin.ModelAdmin):
    history_referencing = (SourceAlias.pgh_event_model,)  # type: ignore[attr-defined]
    list_display = ["name", "kind", "country", "parent", "alias_list"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases__alias"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "country", "parent", "description"]
    inlines = [SourceAliasInline, ChildSourceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .prefetch_related("aliases")
            .order_by("name")
        )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """Also find a source by an alias written another way: "the white-house" finds the White House."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        aliases = aliases_matching(search_term, match=AliasMatch.PREFIX)
        return found | queryset.filter(pk__in=aliases.values("source_id")), may_have_duplicates

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        """Through the services, as the API writes; the aliases inline then saves its rows."""
        if change:
            source_update(source=obj, **{name: getattr(obj, name) for name in form.changed_data})
            return
        # The admin goes on with ``obj`` (the aliases, the message): make it the source made.
        obj.pk = source_create(**form.cleaned_data).pk
        obj.refresh_from_db()

    def audit_message(self, event: Events, message: str) -> str:
        if apps.get_model(event.pgh_obj_model) is SourceAlias:
            return _alias_message(event)
        return message

    @admin.display(description="aliases")
    def alias_list(self, source: Source) -> str:
        return ", ".join(a.alias for a in source.aliases.all())


# --- Outlets and feeds -------------------------------------------------------------


def changelist_link(model: type[models.Model], label: str, **params: Any) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return format_html('<a href="{}?{}">{}</a>', url, query, label)


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "domain", "is_wire_service", "source", "article_count"]
    list_filter = ["is_wire_service"]
    search_fields = ["name", "domain"]
    autocomplete_fields = ["source"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("source")
            .annotate(_articles=Count("articles"))
            .order_by("name")
        )

    @admin.display(description="articles", ordering="_articles")
    def article_count(self, outlet: Any) -> str:
        return changelist_link(Article, str(outlet._articles), outlet__id__exact=outlet.pk)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    formfield_overrides = FEED_URLS
    list_display = [
        "__str__",
        "outlet",
        "enabled",
        "last_polled_at",
        "last_status",
        "last_new_items",
        "consecutive_failures",
        "next_poll_at",
        "disabled_reason",
        "articles",
    ]
    list_filter = ["enabled", "outlet"]
    search_fields = ["url", "title"]
    autocomplete_fields = ["outlet"]
    list_select_related = ["outlet"]
    # The poller keeps these; an editor reads them.
    health_fields: list[Any] = [
        "last_polled_at",
        "last_status",
        "last_error",
        "last_new_items",
        "consecutive_failures",
        "etag",
        "last_modified",
        "created_at",
        "articles",
    ]
    readonly_fields = health_fields
    fieldsets = [
        (None, {"fields": ["url", "title", "outlet", "enabled", "disabled_reason"]}),
        ("Polling", {"fields": ["poll_interval", "min_interval", "max_interval", "next_poll_at"]}),
        ("Health", {"fields": health_fields}),
    ]

    actions = ["enable_and_poll_now"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(_articles=Count("articles")).order_by("url")

    def save_model(self, request: HttpRequest, obj: Feed, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "enabled" in form.changed_data and obj.enabled:
            # Re-enabled: a clean slate, or the next failure would disable it again at once.
            feed_enable(feed=obj)

    @admin.action(description="Enable and poll now", permissions=["change"])
    def enable_and_poll_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        feeds = list(queryset)
        for feed in feeds:
            feed_enable(feed=feed, poll_now=True)
        self.message_user(request, f"{len(feeds)} feed(s) enabled; a poll of each is queued.")

    @admin.display(description="articles brought", ordering="_articles")
    def articles(self, feed: Any) -> str:
        if feed.pk is None:
            return "-"
        count = getattr(feed, "_articles", None)
        if count is None:
            count = feed.articles.count()
        return changelist_link(Article, f"{count} articles", feed__id__exact=feed.pk)


# --- Articles ----------------------------------------------------------------------


class CopyInline(admin.TabularInline):
    formfield_overrides = HTTPS_URLS
    model = Article
    fk_name = "duplicate_of"
    fields = readonly_fields = (
        "title",
        "outlet",
        "duplicate_kind",
        "duplicate_similarity",
        "page_date",
        "url",
    )
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "copy of this article"
    verbose_name_plural = "copies of this article"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    form = ArticleForm
    list_display = [
        "title",
        "outlet",
        "published_on",
        "page_date",
        "duplicate_kind",
        "duplicate_of",
        "origin",
    ]
    list_filter = [
        "outlet",
        "duplicate_kind",
        ("published_on", admin.DateFieldListFilter),
        "origin",
        ("feed", admin.RelatedOnlyFieldListFilter),
    ]
    date_hierarchy = "published_on"
    search_fields = ["title", "url", "canonical_url"]
    autocomplete_fields = ["outlet", "duplicate_of", "original_outlet"]
    list_select_related = ["outlet", "duplicate_of"]
    inlines = [CopyInline]
    # What extraction produced: the stance quotes are anchored in this text,
    # so once stored it does not change.
    extracted_fields = [
        "url",
        "canonical_url",
        "origin",
        "feed",
        "title",
        "byline",
        "published_on",
        "page_date",
        "language",
        "text",
        "content_hash",
        "fetched_at",
        "created_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "outlet",
                    "url",
                    "canonical_url",
                    "byline",
                    "published_on",
                    "page_date",
                    "language",
                    "text",
                ]
            },
        ),
        (
            "Copy of another article",
            {
                "fields": [
                    "duplicate_of",
                    "duplicate_kind",
                    "duplicate_similarity",
                    "original_outlet",
                    "original_url",
                ]
            },
        ),
        (
            "Provenance",
            {"fields": ["origin", "feed", "content_hash", "fetched_at", "created_at"]},
        ),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return ["content_hash", "fetched_at", "created_at", "duplicate_similarity"]
        return [*self.extracted_fields, "duplicate_similarity"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).order_by("-published_on", "-created_at")


# --- Ingest jobs -------------------------------------------------------------------


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    """Editors paste a URL or text here; the job is made by the ingest services and queued."""

    formfield_overrides = HTTPS_URLS

    list_display = [
        "created_at",
        "kind",
        "what",
        "status",
        "short_error",
        "article_link",
        "created_by",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["url", "title", "error"]
    list_select_related = ["article", "created_by"]
    autocomplete_fields = ["outlet"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        if obj is None:
            kwargs["form"] = IngestSubmitForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ["url", "text", "title", "published_on", "outlet"]
        return [
            "kind",
            "status",
            "error",
            "notes",
            "attempts",
            "article",
            "url",
            "title",
            "published_on",
            "outlet",
            "feed",
            "text",
            "created_by",
            "created_at",
            "updated_at",
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A job is a record of what happened; it is never edited by hand.
        return [] if obj is None else self.get_fields(request, obj)

    def save_model(self, request: HttpRequest, obj: IngestJob, form: Any, change: bool) -> None:
        if change:
            return
        data = form.cleaned_data
        if data.get("url"):
            job = ingest_url_submit(url=data["url"], user=request.user, outlet=data.get("outlet"))
        else:
            job = ingest_text_submit(
                text=data["text"],
                title=data["title"],
                published_on=data.get("published_on"),
                outlet=data.get("outlet"),
                user=request.user,
            )
        # The admin goes on with ``obj`` (message, log, redirect): make it the job the service made.
        obj.pk = job.pk
        obj.refresh_from_db()

    @admin.display(description="URL or title")
    def what(self, job: IngestJob) -> str:
        return job.url or job.title

    @admin.display(description="error")
    def short_error(self, job: IngestJob) -> str:
        return job.error[:120]

    @admin.display(description="article", ordering="article")
    def article_link(self, job: IngestJob) -> str:
        if job.article_id is None:
            return "-"
        url = reverse("admin:sources_article_change", args=[job.article_id])
        return format_html('<a href="{}">{}</a>', url, job.article)
