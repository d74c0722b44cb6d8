from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's own editor groups: whoever edits the pages keeps the help finder's services true.
EDITOR_GROUPS = ["Editors", "Moderators"]
ACTIONS = ["view", "add", "change", "delete"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    create_permissions(global_apps.get_app_config("helpfinder"), apps=apps, verbosity=0)
    permissions = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="helpfinder", codename__in=[f"{action}_service" for action in ACTIONS]
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("helpfinder", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
