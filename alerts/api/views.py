"""The subscriptions API: each person's own subscriptions, their deliveries, a test ping.

Everyone with a role may subscribe (alerts.roles); each sees and changes only their own.
Writes go through alerts.services, which refuse bad input with a reason per field: a URL
that is not http(s) or resolves to an internal address, an unknown claim or source, a
secret too short, suggestions for someone who does not review them.
"""

from __future__ import annotations

import functools
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status
from rest_framework.decorators import action
from rest_framework.fields import get_error_detail
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from alerts import services
from alerts.api.serializers import (
    DeliverySerializer,
    SubscriptionCreatedSerializer,
    SubscriptionSerializer,
)
from alerts.models import Subscription
from alerts.selectors import delivery_list, subscription_list
from alerts.tasks import delivery_send
from claims.api.pagination import IdCursorPagination
from claims.api.views import ApiViewSet


class NewestFirst(IdCursorPagination):
    ordering = "-id"


def _field_errors(exc: DjangoValidationError) -> exceptions.ValidationError:
    detail = get_error_detail(exc)
    if isinstance(detail, dict) and NON_FIELD_ERRORS in detail:
        detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
    return exceptions.ValidationError(detail)


def _queue_sends(delivery_ids: list[int]) -> None:
    for delivery_id in delivery_ids:
        transaction.on_commit(functools.partial(delivery_send.delay, delivery_id))


@extend_schema_view(
    list=extend_schema(summary="Your subscriptions"),
    retrieve=extend_schema(summary="One of your subscriptions"),
    create=extend_schema(
        summary="Subscribe to a claim, a source (and every source below it) or a tag",
        description=(
            "Give exactly one of claim, source, tag; the events; a webhook url, digest: true, "
            "or both. The answer carries the secret that signs the webhooks, this once."
        ),
        request=SubscriptionSerializer,
        responses={201: SubscriptionCreatedSerializer},
    ),
    update=extend_schema(summary="Replace a subscription"),
    partial_update=extend_schema(summary="Change a subscription (active: false pauses it)"),
    destroy=extend_schema(summary="Unsubscribe"),
)
class SubscriptionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    serializer_class = SubscriptionSerializer
    lookup_value_regex = "[0-9]+"
    action_perms = {
        "deliveries": ["alerts.view_subscription"],
        "ping": ["alerts.change_subscription"],
    }

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reads the model
            return Subscription.objects.none()
        return subscription_list(owner=self.request.user)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        given = SubscriptionSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = dict(given.validated_data)
        data.pop("active", None)
        try:
            subscription = services.subscription_create(owner=request.user, **data)
        except DjangoValidationError as exc:
            raise _field_errors(exc) from exc
        return Response(
            SubscriptionCreatedSerializer(subscription).data, status=status.HTTP_201_CREATED
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        subscription = self.get_object()
        given = SubscriptionSerializer(
            subscription, data=request.data, partial=kwargs.get("partial", False)
        )
        given.is_valid(raise_exception=True)
        changes = dict(given.validated_data)
        active = changes.pop("active", None)
        if not kwargs.get("partial"):
            # A PUT replaces: what it leaves out goes back to its default.
            changes = {
                "claim": None,
                "source": None,
                "tag": "",
                "url": "",
                "digest": False,
                **changes,
            }
        try:
            with transaction.atomic():
                if changes:
                    services.subscription_update(subscription=subscription, **changes)
                if active is True and not subscription.active:
                    _queue_sends(services.subscription_enable(subscription=subscription))
                elif active is False and subscription.active:
                    services.subscription_pause(subscription=subscription)
        except DjangoValidationError as exc:
            raise _field_errors(exc) from exc
        subscription.refresh_from_db()
        return Response(SubscriptionSerializer(subscription).data)

    @extend_schema(
        summary="The subscription's webhook deliveries, newest first, with every attempt",
        responses={200: DeliverySerializer(many=True)},
    )
    @action(detail=True, methods=["get"])
    def deliveries(self, request: Request, pk: str) -> Response:
        subscription = self.get_object()
        paginator = NewestFirst()
        page = paginator.paginate_queryset(delivery_list(subscription=subscription), request, self)
        return paginator.get_paginated_response(DeliverySerializer(page, many=True).data)

    @extend_schema(
        summary="Send a test ping to the subscription's webhook",
        description=(
            "A 'ping' event goes to this subscription's URL, signed like any other, and is "
            "logged with its attempts (see deliveries). 400 when it has no webhook URL."
        ),
        request=None,
        responses={202: DeliverySerializer},
    )
    @action(detail=True, methods=["post"])
    def ping(self, request: Request, pk: str) -> Response:
        subscription: Subscription = self.get_object()
        try:
            delivery = services.subscription_ping(subscription=subscription)
        except DjangoValidationError as exc:
            raise _field_errors(exc) from exc
        _queue_sends([delivery.pk])
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)
