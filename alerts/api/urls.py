from rest_framework.routers import SimpleRouter

from alerts.api import views

v1 = SimpleRouter()
v1.register("subscriptions", views.SubscriptionViewSet, basename="api-subscription")

urlpatterns = v1.urls
