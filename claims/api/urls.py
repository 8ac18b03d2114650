from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import SimpleRouter

from claims.api import views

v1 = SimpleRouter()
v1.register("claims", views.ClaimViewSet, basename="api-claim")
v1.register("sources", views.SourceViewSet, basename="api-source")
v1.register("articles", views.ArticleViewSet, basename="api-article")
v1.register("ingest-jobs", views.IngestJobViewSet, basename="api-ingest-job")
v1.register("stances", views.StanceViewSet, basename="api-stance")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file of its own, so the docs
    # run under a policy without inline script (factcheck/middleware.py).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("v1/", views.api_root, name="api-root"),
    path("v1/", include(v1.urls)),
    # Last: every other path under /api/ answers a JSON 404, in the API's one error format.
    re_path(r"^(?P<path>.*)$", views.not_found, name="api-not-found"),
]
