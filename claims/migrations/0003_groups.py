"""The three roles: Editors, Reviewers, API consumers, with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": {
        "claims": {"claim": "add change delete view", "stance": "add change delete view"},
        "sources": {
            "source": "add change delete view",
            "sourcealias": "add change delete view",
            "outlet": "add change delete view",
            "feed": "add change delete view",
            "article": "add change view",
            "ingestjob": "add change view",
        },
    },
    "Reviewers": {
        "claims": {"claim": "view", "stance": "add change view"},
        "sources": {
            "source": "view",
            "sourcealias": "view",
            "outlet": "view",
            "feed": "view",
            "article": "view",
            "ingestjob": "view",
        },
    },
    "API consumers": {
        "claims": {"claim": "view", "stance": "view"},
        "sources": {"source": "view", "sourcealias": "view", "outlet": "view", "article": "view"},
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, app_models in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        perms = []
        for app_label, models in app_models.items():
            for model, actions in models.items():
                for action in actions.split():
                    perms.append(
                        Permission.objects.get(
                            content_type__app_label=app_label, codename=f"{action}_{model}"
                        )
                    )
        group.permissions.set(perms)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_initial"),
        ("sources", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
