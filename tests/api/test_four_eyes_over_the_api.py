"""With four eyes on, the API refuses a reviewer confirming a stance they filed (403 in DRF's
format, with the reason), and filing one as confirmed at once."""

import pytest

from claims.models import Stance
from sources.models import Article

pytestmark = pytest.mark.django_db

SENTENCE = "Moscow and Pyongyang have denied arms transfers but have vowed to boost military ties."
REFUSED = (
    "You filed this stance yourself, and this workbench asks for four eyes: "
    "another reviewer must confirm it."
)


@pytest.fixture
def four_eyes(settings):
    settings.FACTCHECK_FOUR_EYES = True


def filing(status: str = "suggested") -> dict:
    article = Article.objects.get(outlet__name="The Japan News")
    return {
        "claim": "north-korea-arms-to-russia",
        "source": "russia",
        "article": article.pk,
        "position": "denies",
        "stated_on": "2024-09-13",
        "quote_exact": SENTENCE,
        "status": status,
    }


def test_a_reviewers_own_stance_is_confirmed_by_another(
    four_eyes, arms_claim, reviewer_client, client_for, second_reviewer
):
    filed = reviewer_client.post("/api/v1/stances/", filing(), format="json").json()
    url = f"/api/v1/stances/{filed['id']}/confirm/"

    own = reviewer_client.post(url, {"version": filed["version"]}, format="json")
    other = client_for(second_reviewer).post(url, {"version": filed["version"]}, format="json")

    assert own.status_code == 403
    assert own.json() == {"detail": REFUSED}
    assert other.status_code == 200
    assert other.json()["status"] == "confirmed"


def test_filing_as_confirmed_at_once_is_refused(four_eyes, arms_claim, reviewer_client):
    before = Stance.objects.count()
    response = reviewer_client.post("/api/v1/stances/", filing("confirmed"), format="json")

    assert response.status_code == 403
    assert response.json() == {"detail": REFUSED}
    assert Stance.objects.count() == before


def test_without_four_eyes_a_reviewer_files_as_confirmed(arms_claim, reviewer_client):
    response = reviewer_client.post("/api/v1/stances/", filing("confirmed"), format="json")

    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
