from django.urls import path, re_path

from alerts.feeds import ClaimFeed, SourceFeed
from alerts.web import views

urlpatterns = [
    path("alerts/", views.subscription_list_view, name="alerts"),
    path("alerts/<int:pk>/", views.subscription_detail, name="alerts-subscription"),
    re_path(
        r"^alerts/(?P<pk>[0-9]+)/(?P<action>delete|pause|enable|ping)/$",
        views.subscription_action,
        name="alerts-subscription-action",
    ),
    path("alerts/feed-token/reset/", views.feed_token_reset, name="alerts-feed-token-reset"),
    path("feeds/claims/<slug:slug>.atom", ClaimFeed(), name="feed-claim"),
    path("feeds/sources/<slug:slug>.atom", SourceFeed(), name="feed-source"),
]
