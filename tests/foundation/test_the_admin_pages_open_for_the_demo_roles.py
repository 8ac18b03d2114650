"""Every admin list, add, change and history page opens on the demo data for the editor and the reviewer."""

import pytest
from django.contrib.admin import site
from django.test import RequestFactory
from django.urls import reverse

from claims.models import Stance
from sources.models import Feed

pytestmark = pytest.mark.django_db

APP_MODELS = [m for m in site._registry if m._meta.app_label in {"claims", "sources"}]


def may_add(model, user) -> bool:
    request = RequestFactory().get("/admin/")
    request.user = user
    return site._registry[model].has_add_permission(request)


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_every_list_add_change_and_history_page_opens(client, demo, role, request):
    user = request.getfixturevalue(role)
    Feed.objects.create(url="https://apnews.com/feed.xml", title="AP top news")
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 200
    for model in APP_MODELS:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"{name}_changelist")).status_code == 200, name
        first = model._default_manager.first()
        if first is not None:
            assert client.get(reverse(f"{name}_change", args=[first.pk])).status_code == 200, name
            assert client.get(reverse(f"{name}_history", args=[first.pk])).status_code == 200, name
        if may_add(model, user):
            assert client.get(reverse(f"{name}_add")).status_code == 200, name
    stances = client.get(reverse("admin:claims_stance_changelist"))
    assert stances.context["cl"].result_count == Stance.objects.count() > 10
