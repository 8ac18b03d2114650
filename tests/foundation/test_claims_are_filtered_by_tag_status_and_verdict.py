"""The claim list filters by tag, status and verdict, and counts each claim's stances."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, StanceFactory

pytestmark = pytest.mark.django_db


def test_the_tag_filter_lists_each_tag_and_narrows_the_list(client, editor):
    arms = ClaimFactory(tags=["arms-trade", "russia"], verdict="true")
    ClaimFactory(tags=["russia"], status="archived")
    StanceFactory(claim=arms)
    client.force_login(editor)
    url = reverse("admin:claims_claim_changelist")

    everything = client.get(url)
    tag_filter = next(f for f in everything.context["cl"].filter_specs if f.title == "tag")
    assert [value for value, _ in tag_filter.lookup_choices] == ["arms-trade", "russia"]

    found = client.get(url, {"tag": "russia", "status__exact": "active", "verdict__exact": "true"})
    [claim] = found.context["cl"].result_list
    assert claim == arms
    assert (claim._confirmed, claim._suggested) == (1, 0)
