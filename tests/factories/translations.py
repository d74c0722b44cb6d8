"""A page's translation, made as an editor makes one with simple_translation: the page copied
into the language's tree, then published, its parents first where they have no translation yet
(a translation is reached through its translated parent: /ar/membership/ under the Arabic home)."""

from wagtail.models import Locale, Page


def translate(page, language, **fields):
    """The published translation of `page` into `language` ("fr", "es", "ar"), made if missing.

    `fields` are set on a new translation before it is published (its title in that language,
    say); an existing translation is returned as it is."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    if not parent.is_root() and not parent.has_translation(locale):
        translate(parent.specific, language)
    copy = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return Page.objects.get(pk=copy.pk).specific
