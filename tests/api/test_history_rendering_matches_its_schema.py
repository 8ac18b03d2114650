"""The fast history renderer gives exactly what the documented HistorySerializer gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from claims.api.history import history_data
from claims.api.serializers import HistorySerializer
from claims.timeline import claim_timeline
from sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group_by", ["top", "speaker"])
def test_the_renderer_and_the_serializer_agree(arms_claim, group_by):
    timeline = claim_timeline(claim=arms_claim, group_by=group_by)

    assert history_data(timeline) == HistorySerializer(timeline).data


def test_they_agree_as_of_a_moment_and_for_one_source(arms_claim):
    timeline = claim_timeline(
        claim=arms_claim,
        as_of=timezone.now() + dt.timedelta(minutes=1),
        source=Source.objects.get(slug="russia"),
        since=dt.date(2024, 1, 1),
    )

    assert timeline.lanes
    assert history_data(timeline) == HistorySerializer(timeline).data
