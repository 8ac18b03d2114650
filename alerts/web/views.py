"""The alerts page: a person's subscriptions, a form to add one, each one's deliveries,
and their private feed token. Writes go through alerts.services."""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from alerts import services
from alerts.models import Subscription
from alerts.roles import may_subscribe
from alerts.selectors import delivery_list, subscription_list
from alerts.tasks import delivery_send
from alerts.web.forms import SubscriptionForm

REFUSED = "Only editors, reviewers and API consumers subscribe to alerts."
DELIVERIES_SHOWN = 50

View = Callable[..., HttpResponse]


def subscriber_view(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_subscribe(request.user):
            raise PermissionDenied(REFUSED)
        return view(request, *args, **kwargs)

    return wrapped


def _queue_sends(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        transaction.on_commit(functools.partial(delivery_send.delay, delivery_id))


@subscriber_view
def subscription_list_view(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SubscriptionForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                sub = services.subscription_create(owner=request.user, **form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(None if field == NON_FIELD_ERRORS else field, errors)
            else:
                said = f"Subscribed to {sub.target}."
                if sub.url:
                    said += (
                        f" The secret that signs its webhooks is {sub.secret}: keep it now, "
                        "it is not shown again."
                    )
                messages.success(request, said)
                return redirect("alerts")
    else:
        form = SubscriptionForm(user=request.user, initial=_initial(request))
    token = services.feed_token_for(user=request.user)
    return render(
        request,
        "alerts/subscriptions.html",
        {
            "form": form,
            "subscriptions": subscription_list(owner=request.user),
            "feed_token": token.token,
            "public_feeds": settings.FACTCHECK_PUBLIC_CLAIM_PAGES,
        },
    )


def _initial(request: HttpRequest) -> dict[str, Any]:
    """A claim page's "Follow" link names the claim: ?claim=<id>."""
    initial: dict[str, Any] = {"events": ["position.changed"]}
    for name in ("claim", "source"):
        value = request.GET.get(name, "")
        if value.isdigit():
            initial[name] = int(value)
    return initial


def _own(request: HttpRequest, pk: int | str) -> Subscription:
    return get_object_or_404(subscription_list(owner=request.user), pk=pk)


@subscriber_view
def subscription_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sub = _own(request, pk)
    deliveries = list(delivery_list(subscription=sub).order_by("-id")[:DELIVERIES_SHOWN])
    return render(
        request, "alerts/subscription.html", {"subscription": sub, "deliveries": deliveries}
    )


@require_POST
@subscriber_view
def subscription_action(request: HttpRequest, pk: str, action: str) -> HttpResponse:
    sub = _own(request, pk)
    back = reverse("alerts-subscription", args=[sub.pk])
    if action == "delete":
        sub.delete()
        messages.success(request, f"Unsubscribed from {sub.target}.")
        return redirect("alerts")
    if action == "pause":
        services.subscription_pause(subscription=sub)
        messages.success(request, "Paused: no webhook goes out until you enable it again.")
    elif action == "enable":
        _queue_sends(services.subscription_enable(subscription=sub))
        messages.success(request, "Enabled again; the deliveries that waited go out now.")
    elif action == "ping":
        try:
            delivery = services.subscription_ping(subscription=sub)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            _queue_sends([delivery.pk])
            messages.success(request, "A test ping is on its way; its attempts show below.")
    return redirect(back)


@require_POST
@subscriber_view
def feed_token_reset(request: HttpRequest) -> HttpResponse:
    services.feed_token_reset(user=request.user)
    messages.success(request, "A new feed token: the old feed addresses no longer work.")
    return redirect("alerts")
