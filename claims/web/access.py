"""Who may see and do what in the web UI.

Reading needs a login, except the claim pages and the home page when
settings.FACTCHECK_PUBLIC_CLAIM_PAGES is on. Acting (filing, confirming,
editing, rejecting stances) needs the stance permissions that the Editors and
Reviewers groups hold; API consumers read but get 403 when they try to act.
Suggested stances follow the API's rule (claims.roles.may_review): the review
queue is a reviewer's page (403 for anyone else), and every other page shows
readers who do not review confirmed stances only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]

FILE_PERMISSION = "claims.add_stance"
ACTING_REFUSED = "Only reviewers and editors may file or review stances."
QUEUE_REFUSED = "Only reviewers and editors may open the review queue."


def can_file(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(FILE_PERMISSION))


def reader_view(*, public: bool = False) -> Callable[[View], View]:
    """A page anyone logged in may read; with ``public``, anonymous readers too when the setting allows."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            allowed = request.user.is_authenticated or (
                public and settings.FACTCHECK_PUBLIC_CLAIM_PAGES
            )
            if not allowed:
                return redirect_to_login(request.get_full_path())
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def actor_view(permission: str, refusal: str = ACTING_REFUSED) -> Callable[[View], View]:
    """An action or a reviewer's page: anonymous users are sent to log in, users without
    ``permission`` get 403 with ``refusal``."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_perm(permission):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
