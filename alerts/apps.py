from django.apps import AppConfig
from django.db.models.signals import post_migrate

from claims.signals import stance_changed


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts: subscriptions, webhooks, feeds"

    def ready(self) -> None:
        # Imported here, once the models are loaded: they import them.
        from alerts import receivers
        from alerts.roles import roles_extend

        # After claims.roles_ensure has set the groups (alerts comes after claims).
        post_migrate.connect(roles_extend, sender=self, dispatch_uid="alerts.roles_extend")
        stance_changed.connect(receivers.on_stance_changed, dispatch_uid="alerts.on_stance_changed")
