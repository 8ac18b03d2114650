"""A source that says nothing on the story takes no position but "no comment", however the
wire words it."""

import pytest

from tests.suggest.newsroom import CLAIM, proposed

pytestmark = pytest.mark.usefixtures("newsroom")


@pytest.mark.parametrize(
    "silence",
    [
        "Moscow didn't immediately respond to a request for comment.",
        "Moscow has yet to comment.",
        "There was no immediate response from Moscow regarding the report.",
        "There has been no immediate statement issued by Moscow.",
        "Moscow referred questions to the army.",
    ],
)
def test_a_source_that_says_nothing_on_the_story_has_no_comment(silence):
    found = proposed(f"Washington said Sudan's army received missiles from Iran. {silence}")
    assert {f[:3] for f in found} == {
        (CLAIM, "United States", "asserts"),
        (CLAIM, "Russia", "no_comment"),
    }
