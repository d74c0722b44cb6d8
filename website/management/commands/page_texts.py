"""Write a language's page catalogue with every text the translated pages need.

`manage.py page_texts fr` rewrites locale/fr/pages.json: for each page translated by
`load_initial_content`, every English text in the order of the page, with its translation
where the catalogue already has one and an empty string where it still needs one. Texts the
English pages no longer hold are dropped.
"""

import json

from django.core.management.base import BaseCommand
from wagtail.models import Site

from website import page_translations


class Command(BaseCommand):
    help = "Write locale/<language>/pages.json with every English text of the translated pages."

    def add_arguments(self, parser):
        parser.add_argument("language", help="fr, es or ar")

    def handle(self, language, **options):
        home = Site.objects.get(is_default_site=True).root_page
        existing = page_translations.load_catalogue(language) or {}
        catalogue = {
            path: {text: existing.get(path, {}).get(text, "") for text in page_translations.source_texts(page)}
            for path, page in page_translations.english_pages(home).items()
        }
        path = page_translations.catalogue_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        missing = sum(1 for texts in catalogue.values() for text in texts.values() if not text)
        self.stdout.write(f"{path.name} for {language}: {missing} texts still to translate.")
