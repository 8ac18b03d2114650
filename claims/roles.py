"""The three roles and their permissions, kept in step after every migrate (and test flush).

The data migration claims/0003_groups created them first; like Django's own
permissions, they are put back on post_migrate, so a database flushed by
`manage.py flush` (or a transactional test) still has them. Imported by
ClaimsConfig.ready(), once the auth models are loaded.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

ROLES: dict[str, dict[str, dict[str, str]]] = {
    "Editors": {
        "claims": {
            "claim": "add change delete view",
            "stance": "add change delete view",
            "proposedsource": "change view",
        },
        "sources": {
            "source": "add change delete view",
            "sourcealias": "add change delete view",
            "outlet": "add change delete view",
            "feed": "add change delete view",
            "article": "add change view",
            "ingestjob": "add change view",
        },
        # Login lockouts (django-axes): editors see them and lift one by deleting it.
        "axes": {"accessattempt": "view delete"},
    },
    "Reviewers": {
        "claims": {"claim": "view", "stance": "add change view", "proposedsource": "change view"},
        "sources": {
            "source": "view",
            "sourcealias": "view",
            "outlet": "view",
            "feed": "view",
            "article": "view",
            "ingestjob": "view",
        },
    },
    "API consumers": {
        "claims": {"claim": "view", "stance": "view"},
        "sources": {"source": "view", "sourcealias": "view", "outlet": "view", "article": "view"},
    },
}

# Reviewing stances. Suggested and rejected stances belong to those who review them: the API
# and the web pages alike show everyone else confirmed stances only.
REVIEW_PERMISSION = "claims.change_stance"
# Deciding on a source the suggester proposed: registering it, mapping it to a registered
# source (an alias), or dismissing it. Reviewers may, as the queue is theirs.
PROPOSAL_PERMISSION = "claims.change_proposedsource"


def may_review(user: Any) -> bool:
    """Whether ``user`` reviews stances, and so sees those not (or not yet) confirmed."""
    return bool(user.is_authenticated and user.has_perm(REVIEW_PERMISSION))


def roles_ensure(sender: Any = None, **kwargs: Any) -> None:
    """Create the role groups if missing and set their permissions (a post_migrate receiver)."""
    for role, app_models in ROLES.items():
        codenames = {
            (app_label, f"{action}_{model}")
            for app_label, models in app_models.items()
            for model, actions in models.items()
            for action in actions.split()
        }
        perms = [
            p
            for p in Permission.objects.filter(
                content_type__app_label__in=app_models
            ).select_related("content_type")
            if (p.content_type.app_label, p.codename) in codenames
        ]
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(perms)
