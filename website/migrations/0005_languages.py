from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# The site's languages besides English (settings.LANGUAGES): each needs a Wagtail locale
# before a page can be translated into it.
LANGUAGES = ["fr", "es", "ar"]
# Wagtail's own editor groups: whoever edits a page may start its translation.
EDITOR_GROUPS = ["Editors", "Moderators"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def grant_translation(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs it now.
    create_permissions(global_apps.get_app_config("simple_translation"), apps=apps, verbosity=0)
    permission = apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0004_stemmed_search_on_sqlite"),
        ("wagtailcore", "0002_initial_data"),
        ("simple_translation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(add_locales, migrations.RunPython.noop),
        migrations.RunPython(grant_translation, migrations.RunPython.noop),
    ]
