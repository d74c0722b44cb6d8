from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's own editor groups: whoever writes the articles adds the authors to credit and the
# topics to file them under (Topics is taggit's tag, a snippet shared with the library).
EDITOR_GROUPS = ["Editors", "Moderators"]
ACTIONS = ["view", "add", "change", "delete"]
MODELS = {"news": "author", "taggit": "tag"}


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for app_label, model in MODELS.items():
        # Permissions are normally created after all migrations; this one needs them now.
        create_permissions(global_apps.get_app_config(app_label), apps=apps, verbosity=0)
        permissions += Permission.objects.filter(
            content_type__app_label=app_label, codename__in=[f"{action}_{model}" for action in ACTIONS]
        )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
