"""The site's languages: which of Wagtail's locales a request's address is in.

The language comes from the address alone (website/middleware.py), and each page is served
only at the address of its own language (website/wagtail_hooks.py).
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def active_language():
    """The content language of the current request: "en", "fr", "es" or "ar"."""
    return get_supported_content_language_variant(get_language())


# Each language's locale id, read once per process: a locale's id never changes, and one
# added later (in the admin's Locales) is looked up when first asked for.
_locale_ids = {}


def forget_locale_ids(**kwargs):
    """Read the ids afresh next time (on a Locale's save or delete: website/signals.py)."""
    _locale_ids.clear()


def locale_id(language):
    if language not in _locale_ids:
        read_locale_ids()
    return _locale_ids.get(language)


def read_locale_ids():
    _locale_ids.clear()
    _locale_ids.update(Locale.objects.values_list("language_code", "pk"))


def active_locale_id():
    return locale_id(active_language())


def language_of(page):
    """The language a page is written in ("en", "fr"…), from its locale, with no query."""
    if page.locale_id not in _locale_ids.values():
        read_locale_ids()
    for language, pk in _locale_ids.items():
        if pk == page.locale_id:
            return language
    return None


def default_language():
    """The language of the site's own tree, English: where a page with no translation is found."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
