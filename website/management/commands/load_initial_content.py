"""Build the whole public site from the project's content modules.

The home app's `build_home()` runs first and returns the home page; then every app with
a `content` module runs its `build(home_page)`, in INSTALLED_APPS order, so the menu
follows that order. Last, the pages visitors most need are translated into each language
that has a catalogue (website/page_translations.py).
Running the command again creates only what is missing and leaves editors' changes alone.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from website import page_translations


class Command(BaseCommand):
    help = "Create the site's pages, settings and documents if they do not exist yet (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = import_module("home.content").build_home()
        for app in apps.get_app_configs():
            if module_has_submodule(app.module, "content"):
                builder = import_module(f"{app.name}.content")
                if hasattr(builder, "build"):
                    builder.build(home)
        page_translations.build(home)
        self.stdout.write(self.style.SUCCESS(f"Site content ready ({home.get_descendants().count() + 1} pages)."))
