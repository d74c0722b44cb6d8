"""Translations as an editor makes them with simple_translation: the page copied into the
language's tree, its text changed, then published."""

from wagtail.models import Locale, Page


def translate(page, language, publish=True, **changes):
    """The page's translation into `language` (made if there is none yet), its ancestors translated
    first, so that each is a real translation rather than an alias of the English page.

    The translation's title says its language ("About the Alliance (fr)") unless `changes` give one."""
    locale = Locale.objects.get(language_code=language)
    for ancestor in page.get_ancestors().filter(depth__gte=2):
        if not ancestor.has_translation(locale):
            translate(ancestor, language)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    translation.title = changes.pop("title", f"{page.title} ({language})")
    for name, value in changes.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=translation.pk).specific
