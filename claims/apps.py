from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and stances"

    def ready(self) -> None:
        from claims.roles import roles_ensure

        # After the permissions exist (django.contrib.auth's receiver runs first).
        post_migrate.connect(roles_ensure, sender=self, dispatch_uid="claims.roles_ensure")
