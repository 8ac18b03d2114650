"""API consumers read over the API; the admin sends them to its login page and will not let them in."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page",
    [
        "admin:index",
        "admin:claims_claim_changelist",
        "admin:claims_stance_add",
        "admin:sources_source_changelist",
    ],
)
def test_every_admin_page_redirects_a_logged_in_consumer_to_the_admin_login(
    client, api_consumer, page
):
    client.force_login(api_consumer)
    url = reverse(page)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('admin:login')}?next={url}"


def test_the_admin_login_refuses_a_consumer_password(client, api_consumer):
    response = client.post(
        reverse("admin:login"),
        {"username": api_consumer.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 200
    assert "correct username and password for a staff account" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_autocomplete_endpoint_is_closed_to_a_consumer(client, api_consumer):
    client.force_login(api_consumer)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "stance", "field_name": "source", "term": "a"},
    )
    assert response.status_code == 302
