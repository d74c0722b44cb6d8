from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from membership.team import REGISTER_PERMISSIONS, TEAM_NAME, ensure_membership_team


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    create_permissions(global_apps.get_app_config("membership"), apps=apps, verbosity=0)
    ensure_membership_team(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), REGISTER_PERMISSIONS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TEAM_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
