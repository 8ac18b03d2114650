"""What the three roles may do with alerts, added to the groups claims.roles keeps.

Everyone with a role subscribes (their own subscriptions: the API, the web pages and
the admin show each person theirs); editors also oversee everyone's in the admin, with
the deliveries and every attempt. A post_migrate receiver, like claims.roles.roles_ensure,
so a flushed database has them too.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

OWN = ["add_subscription", "change_subscription", "delete_subscription", "view_subscription"]
ROLES: dict[str, list[str]] = {
    "Editors": [
        *OWN,
        "oversee_subscription",
        "view_delivery",
        "view_deliveryattempt",
        "view_event",
    ],
    # Their own deliveries and attempts in the admin, as their subscriptions.
    "Reviewers": [*OWN, "view_delivery", "view_deliveryattempt"],
    "API consumers": OWN,
}
SUBSCRIBE_PERMISSION = "alerts.add_subscription"
OVERSEE_PERMISSION = "alerts.oversee_subscription"


def may_subscribe(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(SUBSCRIBE_PERMISSION))


def roles_extend(sender: Any = None, **kwargs: Any) -> None:
    perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="alerts")}
    for role, codenames in ROLES.items():
        group = Group.objects.filter(name=role).first()
        if group is not None:
            group.permissions.add(*(perms[c] for c in codenames if c in perms))
