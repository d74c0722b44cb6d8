"""The "Membership team" group: may use the admin and view, change and export the register."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

TEAM = "Membership team"
CODENAMES = ["view_membershipenquiry", "change_membershipenquiry", "export_membershipenquiry"]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    create_permissions(global_apps.get_app_config("membership"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=TEAM)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="membership", codename__in=CODENAMES),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TEAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
