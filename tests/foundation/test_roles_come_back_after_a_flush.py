"""The three role groups are kept in step on post_migrate, so a flushed database still has them."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from claims.roles import ROLES


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_its_role_groups_back():
    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLES)
    reviewers = Group.objects.get(name="Reviewers")
    codenames = set(reviewers.permissions.values_list("codename", flat=True))
    assert "change_stance" in codenames
    assert "delete_claim" not in codenames
