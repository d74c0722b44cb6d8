from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from membership.team import DIRECTORY_PERMISSIONS, ensure_membership_team

# Wagtail's editors and moderators keep the directory and publish members; the team only drafts them.
EDITOR_GROUPS = ["Editors", "Moderators"]
EDITOR_CODENAMES = ["add_member", "change_member", "delete_member", "publish_member"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now. Wagtail adds
    # "publish" for snippets after migrating too, and leaves this one alone.
    create_permissions(global_apps.get_app_config("members"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.get(app_label="members", model="member")
    Permission.objects.get_or_create(
        content_type=content_type, codename="publish_member", defaults={"name": "Can publish member"}
    )
    ensure_membership_team(Group, Permission, DIRECTORY_PERMISSIONS)
    permissions = Permission.objects.filter(content_type=content_type, codename__in=EDITOR_CODENAMES)
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("membership", "0004_register_log_and_duplicates"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
