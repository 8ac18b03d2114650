"""Who may do what over the API: the roles' model permissions (claims/0003_groups).

API consumers hold only view permissions, Reviewers add and change stances,
Editors add and change claims, sources and articles. Anonymous requests get
401 (TokenAuthentication comes first, so the 401 carries WWW-Authenticate).
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import DjangoModelPermissions
from rest_framework.request import Request


class RolePermissions(DjangoModelPermissions):
    """DjangoModelPermissions that also requires the view permission to read.

    A view may name the permissions of an action of its own (confirm, reject)
    in ``action_perms``: {"confirm": ["claims.change_stance"]}.
    """

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action_perms = getattr(view, "action_perms", {}).get(getattr(view, "action", None))
        if action_perms is not None:
            return bool(request.user.has_perms(action_perms))
        return super().has_permission(request, view)
