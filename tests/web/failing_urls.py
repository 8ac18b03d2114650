"""The site's URLs plus views that fail on purpose: a bad request and a server error."""

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.urls import path

from factcheck.urls import urlpatterns as site


def bad_request(request: HttpRequest) -> HttpResponse:
    raise BadRequest("malformed on purpose")


def server_error(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("failing on purpose")


urlpatterns = [
    path("fail/400/", bad_request),
    path("fail/500/", server_error),
    *site,
]
