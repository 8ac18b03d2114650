"""A Content-Security-Policy on every HTML response, not only on the views that remember it.

Error pages (404, 403, the CSRF failure page), the login page and the admin
get one too. The policy is chosen by path: the web UI and everything else
run no inline script at all; the two third-party UIs get what they need to
work, and no more (see the policies below).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict

HEADER = "Content-Security-Policy"


def _policy(**directives: str) -> str:
    base = {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    base.update({name.replace("_", "-"): value for name, value in directives.items()})
    return "; ".join(f"{name} {value}" for name, value in base.items())


# Defence in depth against XSS: even if some stored text slipped through
# unescaped, the browser would run no inline script and load nothing from elsewhere.
DEFAULT_POLICY = _policy()

# The API docs (drf-spectacular's Swagger UI and Redoc, served from the sidecar
# package). Swagger UI is served by the split view, whose start-up script is a
# file of its own, so no inline script runs here either. Both UIs inject their
# styles as <style> elements, and Redoc searches in a blob: worker.
API_DOCS_POLICY = _policy(
    style_src="'self' 'unsafe-inline'",
    worker_src="'self' blob:",
)

# The admin works under the default policy (Django's admin runs no inline
# script); the paths of the docs are the API's (claims/api/urls.py).
POLICIES_BY_PATH: list[tuple[str, str]] = [
    ("/api/docs/", API_DOCS_POLICY),
    ("/api/redoc/", API_DOCS_POLICY),
]


class ContentSecurityPolicyMiddleware:
    """Sets the policy for the request's path on HTML responses that carry none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER in response or not response.get("Content-Type", "").startswith("text/html"):
            return response
        response[HEADER] = policy_for(request.path)
        return response


def policy_for(path: str) -> str:
    for prefix, policy in POLICIES_BY_PATH:
        if path.startswith(prefix):
            return policy
    return DEFAULT_POLICY


class DropNulFromQueryMiddleware:
    """NUL characters dropped from the query string of the admin's pages.

    PostgreSQL text cannot hold NUL: a list filter or an autocomplete term with one
    (``?status__exact=%00``) would reach the database and end in a 500. It carries
    nothing, so it goes. (The API checks its own parameters and answers 400.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/") and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned  # type: ignore[assignment]
        return self.get_response(request)
