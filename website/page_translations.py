"""The translated pages `load_initial_content` builds, from catalogues the project writes.

A visitor most needs a few pages in their own language: the home page, How to report abuse
(with the finder), Membership (with its form), the privacy notice and the accessibility
statement. For each language, `locale/<language>/pages.json` holds their translations,
text by text: for each page (named by its path under the home page, "" for the home page
itself), the English text of each field or block mapped to its translation.

A translation is made as an editor would make one with Wagtail's simple_translation (the
page copied into the language's tree, keeping its blocks), then each text is replaced by
its translation and links to translated pages are pointed at them. Like the rest of the
initial content it is made once: an existing translation is an editor's and stays as it is.
"""

import json
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page

# The pages translated, by their path under the home page.
TRANSLATED_PAGES = ["", "how-to-report-abuse", "membership", "privacy", "accessibility"]
# The Page fields a visitor reads; a page type's own text fields are found by type.
PAGE_TEXT_FIELDS = ["title", "seo_title", "search_description"]
# A value that is an address is never text to translate; it is pointed at the translation instead.
ADDRESS = re.compile(r"^(/|https?://|mailto:|tel:)")
HREF = re.compile(r'href="(/[^"]*)"')


def catalogue_path(language):
    return settings.BASE_DIR / "locale" / language / "pages.json"


def load_catalogue(language):
    path = catalogue_path(language)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@dataclass
class Translator:
    """Replaces each text with its translation, remembering any text the catalogue lacks."""

    texts: dict
    addresses: dict = field(default_factory=dict)  # English path -> translated page's path
    missing: list = field(default_factory=list)

    def text(self, value):
        if not value or not value.strip():
            return value
        if ADDRESS.match(value):
            return self.address(value)
        translated = self.texts.get(value)
        if not translated:
            self.missing.append(value)
            return value
        return HREF.sub(lambda match: f'href="{self.address(match[1])}"', translated)

    def address(self, value):
        path, query = (value.split("?", 1) + [""])[:2] if "?" in value else (value, "")
        path = self.addresses.get(path, path)
        return f"{path}?{query}" if query else path


def text_fields(page):
    """The names of the page's fields a visitor reads as text, in the order of its model."""
    names = list(PAGE_TEXT_FIELDS)
    page_fields = {f.name for f in Page._meta.get_fields()}
    for model_field in type(page)._meta.get_fields():
        if model_field.name in page_fields or not is_text_field(model_field):
            continue
        names.append(model_field.name)
    return names


def is_text_field(model_field):
    if isinstance(model_field, (StreamField, RichTextField)):
        return True
    return (
        isinstance(model_field, (models.CharField, models.TextField))
        and not isinstance(model_field, (models.URLField, models.EmailField, models.SlugField))
        and not model_field.choices
    )


def translate_fields(page, translator):
    """Replace every text of `page` (a translation's copy) through `translator`, in place."""
    for name in text_fields(page):
        model_field = page._meta.get_field(name)
        value = getattr(page, name)
        if isinstance(model_field, StreamField):
            raw = model_field.stream_block.get_prep_value(value)
            setattr(page, name, translate_block(model_field.stream_block, raw, translator))
        elif value:
            setattr(page, name, translator.text(value))
    page.draft_title = page.title


def translate_block(block, value, translator):
    """A block's stored value with each of its texts translated; choices, pages and numbers kept."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {**child, "value": translate_block(block.child_blocks[child["type"]], child["value"], translator)}
            for child in value
            if child["type"] in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": translate_block(block.child_block, item["value"], translator)}
            if isinstance(item, dict) and "value" in item and "type" in item
            else translate_block(block.child_block, item, translator)
            for item in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: translate_block(block.child_blocks[name], child, translator) if name in block.child_blocks else child
            for name, child in value.items()
        }
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)) and isinstance(value, str):
        return translator.text(value)
    return value


def source_texts(page):
    """Every text of `page` that a translation must give, in order, each once."""
    collector = Translator(texts={})
    translate_fields(page.specific.get_latest_revision_as_object(), collector)
    return list(dict.fromkeys(collector.missing))


def english_pages(home):
    """The pages to translate, by their path under the home page, where they exist."""
    pages = {}
    for path in TRANSLATED_PAGES:
        url_path = home.url_path + (f"{path}/" if path else "")
        page = Page.objects.filter(url_path=url_path).first()
        if page is not None:
            pages[path] = page.specific
    return pages


def build(home):
    """Translate the pages visitors most need into each language with a catalogue, once."""
    pages = english_pages(home)
    for language, _name in settings.LANGUAGES:
        catalogue = load_catalogue(language)
        if catalogue is None or language == home.locale.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=language)
        translate_pages(pages, locale, catalogue)


def translate_pages(pages, locale, catalogue):
    """Copy each page not yet in `locale`, translate it, then publish all with links between them."""
    made = {}
    for path, page in pages.items():  # home first, so the others have their parent in the language
        if page.has_translation(locale):
            continue
        made[path] = (page, page.copy_for_translation(locale, copy_parents=True).specific)
    addresses = {page.url: copy.url for page, copy in made.values() if page.url and copy.url}
    for path, (_english, copy) in made.items():
        copy.refresh_from_db()  # the tree has grown since it was made (its numchild)
        translate_fields(copy, Translator(texts=catalogue.get(path, {}), addresses=addresses))
        copy.save_revision().publish()
