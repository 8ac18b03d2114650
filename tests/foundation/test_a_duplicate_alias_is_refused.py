"""An alias belongs to one source: another spelling of it (case, punctuation, a leading 'the') is the same alias."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from sources.models import Source, SourceAlias
from tests.factories import SourceAliasFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def white_house() -> SourceAlias:
    return SourceAliasFactory(source=SourceFactory(name="United States"), alias="The White House")


@pytest.mark.parametrize(
    "spelling",
    ["The White House", "the white house", "White-House", "WHITE HOUSE!", "white  house"],
)
def test_full_clean_refuses_another_spelling_of_a_taken_alias(white_house, spelling):
    alias = SourceAlias(source=SourceFactory(name="Someone else"), alias=spelling)
    with pytest.raises(ValidationError) as caught:
        alias.full_clean()
    assert caught.value.message_dict["alias"] == [
        f"'{spelling}' is already an alias of United States (as 'The White House')."
    ]


def test_the_database_refuses_a_duplicate_alias_that_skips_validation(white_house):
    with (
        pytest.raises(IntegrityError, match="source_alias_unique_normalized"),
        transaction.atomic(),
    ):
        SourceAlias.objects.create(source=white_house.source, alias="white house")
    assert SourceAlias.objects.count() == 1


def test_an_alias_without_letters_or_digits_is_refused():
    alias = SourceAlias(source=SourceFactory(), alias="— ...")
    with pytest.raises(ValidationError, match="needs at least one letter or digit"):
        alias.full_clean()


def source_form(name: str, *aliases: str, initial: int = 0) -> dict[str, str]:
    data = {
        "name": name,
        "slug": name.lower().replace(" ", "-"),
        "kind": "government",
        "country": "",
        "parent": "",
        "description": "",
        "aliases-TOTAL_FORMS": str(len(aliases)),
        "aliases-INITIAL_FORMS": str(initial),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "0",
    }
    for i, alias in enumerate(aliases):
        data[f"aliases-{i}-alias"] = alias
    return data


def test_the_source_admin_shows_the_clash_on_the_alias_field(client, editor, white_house):
    client.force_login(editor)
    response = client.post(
        reverse("admin:sources_source_add"), source_form("Russia", "Moscow", "the White-House")
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.forms[1].errors["alias"] == [
        "'the White-House' is already an alias of United States (as 'The White House')."
    ]
    assert not Source.objects.filter(name="Russia").exists()


def test_the_source_admin_refuses_two_spellings_of_one_alias_in_one_save(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:sources_source_add"), source_form("North Korea", "Pyongyang", "pyongyang.")
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.forms[1].errors["alias"] == [
        "'pyongyang.' is the same alias as 'Pyongyang' (case, punctuation and a leading "
        "'the' do not count)."
    ]
    assert not SourceAlias.objects.exists()


def test_the_source_admin_saves_distinct_aliases(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:sources_source_add"), source_form("North Korea", "Pyongyang", "the North")
    )
    assert response.status_code == 302
    source = Source.objects.get(name="North Korea")
    assert sorted(source.aliases.values_list("normalized", flat=True)) == ["north", "pyongyang"]


def test_an_alias_renamed_in_the_source_admin_keeps_its_row(client, editor, white_house):
    client.force_login(editor)
    source = white_house.source
    data = source_form(source.name, "the Oval Office", initial=1)
    data.update({"slug": source.slug, "kind": source.kind, "aliases-0-id": str(white_house.pk)})
    data["aliases-0-source"] = str(source.pk)
    response = client.post(reverse("admin:sources_source_change", args=[source.pk]), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(source.aliases.values_list("pk", "alias")) == [(white_house.pk, "the Oval Office")]
