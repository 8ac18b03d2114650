from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Before claims' API, whose last pattern answers a JSON 404 for any other path under /api/.
    path("api/v1/", include("alerts.api.urls")),
    path("api/", include("claims.api.urls")),
    path("", include("alerts.web.urls")),
    path("", include("claims.web.urls")),
]
