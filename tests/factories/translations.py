"""Translations as an editor makes them with simple_translation: the page copied into the
language's tree, its text changed, then published, its parents first where they have no
translation yet (a translation is reached through its translated parent: /ar/membership/
under the Arabic home), so that each is a real translation rather than an alias."""

from wagtail.models import Locale, Page


def translate(page, language, publish=True, **changes):
    """The page's translation into `language` ("fr", "es", "ar"), made if there is none yet.

    A new translation's title says its language ("About the Alliance (fr)") unless `changes`
    give one; an existing one is returned as it is, unless `changes` are given."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    for ancestor in page.get_ancestors().filter(depth__gte=2):
        if not ancestor.has_translation(locale):
            translate(ancestor.specific, language)
    translation = page.get_translation_or_none(locale)
    if translation is not None and not changes:
        return translation.specific
    if translation is None:
        translation = page.copy_for_translation(locale)
        changes.setdefault("title", f"{page.title} ({language})")
    translation = translation.specific
    for name, value in changes.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return Page.objects.get(pk=translation.pk).specific
