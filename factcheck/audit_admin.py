"""The audit history in the admin: django-pghistory's events of a tracked object, readable.

The History button of a tracked object (claims, sources, stances) shows the
audit trail django-pghistory keeps with database triggers: who changed which
field from what to what, and when; edits made outside the admin (the review
queue, the API, scripts) appear there too, which Django's own LogEntry
history would miss. AuditEventAdmin lists all events of one tracked model.

Generic: it names no model of the apps; an admin that shows related rows in its
history (a source's aliases) words their events in audit_message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pghistory.admin
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from pghistory.models import Events

# Columns that change on every save or are derived: listing them would bury the real edit.
_AUDIT_NOISE = {"updated_at", "version", "normalized"}
LABELS = {"insert": "Created", "update": "Changed", "delete": "Deleted"}


class _NoUser:
    """Stands in for the user of an event made outside a request (a task, a script, the shell)."""

    def get_username(self) -> str:
        return "system"

    def get_full_name(self) -> str:
        return "no logged-in user"


@dataclass(frozen=True)
class AuditEntry:
    """One audit event, shaped like the LogEntry rows admin/object_history.html lists."""

    action_time: dt.datetime
    user: Any
    message: str

    def get_change_message(self) -> str:
        return self.message


def shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"


def audit_entries(
    events: list[Events], *, describe: Callable[[Events, str], str] | None = None
) -> list[AuditEntry]:
    """Readable entries for aggregate pghistory events, with users and related objects by name.

    ``describe(event, message)`` may reword an entry (a source words its aliases' events).
    A fixed number of queries: one for the users, one per related model named in a diff.
    """
    columns: dict[str, dict[str, models.Field]] = {}
    wanted: dict[type[models.Model], set[Any]] = {}
    for event in events:
        tracked = apps.get_model(event.pgh_obj_model)
        fields = columns.setdefault(
            event.pgh_obj_model, {f.column: f for f in tracked._meta.concrete_fields}
        )
        for column, (old, new) in (event.pgh_diff or {}).items():
            field = fields.get(column)
            if field is not None and field.is_relation and field.related_model is not None:
                wanted.setdefault(field.related_model, set()).update(
                    v for v in (old, new) if v is not None
                )
    names = {
        model: {pk: str(obj) for pk, obj in model._default_manager.in_bulk(list(pks)).items()}
        for model, pks in wanted.items()
    }
    user_ids = {e.pgh_context.get("user") for e in events if e.pgh_context}
    users = get_user_model().objects.in_bulk([pk for pk in user_ids if pk is not None])

    entries = []
    for event in events:
        fields = columns[event.pgh_obj_model]
        context = event.pgh_context or {}
        verb = LABELS.get(event.pgh_label, event.pgh_label.capitalize())
        if event.pgh_label == "update":
            parts = []
            for column, (old, new) in sorted((event.pgh_diff or {}).items()):
                field = fields.get(column)
                if column in _AUDIT_NOISE or field is None:
                    continue
                if field.is_relation and field.related_model is not None:
                    related = names.get(field.related_model, {})
                    old, new = related.get(old, old), related.get(new, new)
                parts.append(f"{field.verbose_name}: {shown(old)} → {shown(new)}")
            message = f"{verb} " + "; ".join(parts) if parts else "Saved, no field changed"
        else:
            message = verb
        if describe is not None:
            message = describe(event, message)
        if context.get("url"):
            message += f" — via {context['url']}"
        entries.append(
            AuditEntry(
                action_time=event.pgh_created_at,
                user=users.get(context.get("user")) or _NoUser(),
                message=message,
            )
        )
    return entries


class AuditHistoryMixin:
    """Replaces the admin History page with the pghistory audit trail of the object."""

    # Event models whose rows point at the object and belong in its history (a source's aliases).
    history_referencing: tuple[type[models.Model], ...] = ()

    def audit_events(self, obj: models.Model) -> list[Events]:
        own = list(Events.objects.tracks(obj))
        related = [
            event
            for event_model in self.history_referencing
            for event in Events.objects.references(obj).across(event_model)
        ]
        # Events of one transaction share a timestamp (NOW()): the object's own
        # first (a source is created before its aliases), then in table order.
        order = {id(event): rank for rank, events in enumerate([own, related]) for event in events}
        return sorted(own + related, key=lambda e: (e.pgh_created_at, order[id(e)], e.pgh_id))

    def audit_message(self, event: Events, message: str) -> str:
        """An entry's message; an admin whose history shows related rows words theirs here."""
        return message

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        model_admin: admin.ModelAdmin = self  # type: ignore[assignment]
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None:
            return model_admin._get_obj_does_not_exist_redirect(  # type: ignore[attr-defined]
                request, model_admin.opts, object_id
            )
        if not model_admin.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        entries = audit_entries(self.audit_events(obj), describe=self.audit_message)
        paginator = model_admin.get_paginator(request, entries, 100)  # type: ignore[arg-type]
        page = paginator.get_page(request.GET.get(PAGE_VAR, 1))
        opts = model_admin.opts
        context = {
            **model_admin.admin_site.each_context(request),
            "title": f"Change history: {obj}",
            "subtitle": "Audit trail (django-pghistory): who changed what, and when",
            "action_list": page,
            "page_range": paginator.get_elided_page_range(page.number),
            "page_var": PAGE_VAR,
            "pagination_required": paginator.count > 100,
            "module_name": str(capfirst(opts.verbose_name_plural)),
            "object": obj,
            "opts": opts,
            "preserved_filters": model_admin.get_preserved_filters(request),
            **(extra_context or {}),
        }
        request.current_app = model_admin.admin_site.name
        return TemplateResponse(
            request,
            model_admin.object_history_template
            or [
                f"admin/{opts.app_label}/{opts.model_name}/object_history.html",
                f"admin/{opts.app_label}/object_history.html",
                "admin/object_history.html",
            ],
            context,
        )


class AuditEventAdmin(pghistory.admin.EventModelAdmin):
    """All events of one tracked model (pghistory's event admin), for whoever may view that model."""

    list_display = ["when", "action", "snapshot", "changed_by", "via"]
    list_select_related = ["pgh_context"]
    date_hierarchy = "pgh_created_at"

    def _tracked_perm(self, request: HttpRequest) -> bool:
        opts = self.model.pgh_tracked_model._meta  # type: ignore[attr-defined]
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._tracked_perm(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._tracked_perm(request)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        user_id = Cast(KeyTextTransform("user", "pgh_context__metadata"), IntegerField())
        usernames = get_user_model().objects.filter(pk=OuterRef("_user_id")).values("username")
        return (
            super()
            .get_queryset(request)
            .annotate(_user_id=user_id)
            .annotate(_username=Subquery(usernames[:1]))
        )

    @admin.display(description="when", ordering="pgh_created_at")
    def when(self, event: Any) -> dt.datetime:
        return event.pgh_created_at

    @admin.display(description="action", ordering="pgh_label")
    def action(self, event: Any) -> str:
        return LABELS.get(event.pgh_label, event.pgh_label)

    @admin.display(description="object (as it was then)")
    def snapshot(self, event: Any) -> str:
        # Read from the event row itself: no query per row for the tracked object.
        for attr in ("text", "name", "alias"):
            if getattr(event, attr, None):
                return str(getattr(event, attr))[:100]
        if hasattr(event, "position"):
            return f"stance {event.pgh_obj_id}: {event.position} ({event.stated_on})"
        return str(event.pgh_obj_id)

    @admin.display(description="changed by", ordering="_username")
    def changed_by(self, event: Any) -> str:
        return event._username or "system"

    @admin.display(description="via")
    def via(self, event: Any) -> str:
        return (event.pgh_context.metadata.get("url") or "") if event.pgh_context else ""
