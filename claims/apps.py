from django.apps import AppConfig
from django.db.models.signals import post_migrate

from sources.signals import article_stored, articles_demoted


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and stances"

    def ready(self) -> None:
        # Imported here, once the models are loaded: they import them.
        from claims import receivers
        from claims.roles import roles_ensure

        # After the permissions exist (django.contrib.auth's receiver runs first).
        post_migrate.connect(roles_ensure, sender=self, dispatch_uid="claims.roles_ensure")
        article_stored.connect(receivers.on_article_stored, dispatch_uid="claims.on_article_stored")
        articles_demoted.connect(
            receivers.on_articles_demoted, dispatch_uid="claims.on_articles_demoted"
        )
