"""A page in each language a visitor can read it in: for the language switcher, the
<link rel="alternate" hreflang> links, the sitemap, and the menus' translated sections.

Which pages have translations is worked out for the whole site at once, in one query each time
pages change (website/cache.py, cached_for_pages): a page's translations then cost no query,
however many pages a request links to, and publishing or unpublishing a translation shows at once.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Page, PageViewRestriction

from website.cache import cached_for_pages
from website.languages import active_language, default_language, language_of, locale_id

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Version:
    """One language's version of a page: where it is, and the language's name in its own words."""

    language: str
    url: str
    full_url: str
    is_current: bool = False

    @property
    def name(self):
        return get_language_info(self.language)["name_local"]


def translated_pages(request=None):
    """{translation_key: {language: {"url", "full_url", "title", "path"}}} for every page live and public
    in more than one language (a page in one language has nothing to switch to).

    One query each time pages change, whatever the number of pages a request links to."""

    def find():
        # An alias is not a translation: it shows its original's words at another language's address
        # (Wagtail makes one of each untranslated parent when a page deep in the tree is translated).
        public = Page.objects.live().filter(~Exists(restrictions_over(OuterRef("path"))), alias_of__isnull=True)
        shared_keys = (
            public.values("translation_key")
            .annotate(versions=Count("pk"))
            .filter(versions__gt=1)
            .values("translation_key")
        )
        found = defaultdict(dict)
        pages = public.filter(translation_key__in=shared_keys).only(
            "title", "url_path", "translation_key", "locale_id"
        )
        for page in pages:
            url = page.get_url(request)
            if url:
                found[page.translation_key][language_of(page)] = {
                    "url": url,
                    "full_url": page.get_full_url(request),
                    "title": page.title,
                    "path": page.path,
                }
        return dict(found)

    # Kept once, not per language: the addresses are the same whichever language asks. Only a
    # change to pages can change it, so an edit to a snippet or a setting does not recompute it.
    with translation.override(default_language()):
        return cached_for_pages("translated-pages", find)


def restrictions_over(path):
    """The privacy restrictions on the page at `path` or on any page above it: those of a page whose
    path begins `path` (Wagtail's .public(), in the same query rather than one query more)."""
    return PageViewRestriction.objects.filter(page__path=Substr(path, 1, Length("page__path")))


def translation_in(page_key, language, request=None):
    """The live, public translation of a page (by its translation_key) in `language`, or None."""
    return translated_pages(request).get(page_key, {}).get(language)


def versions(page, request=None, canonical_url=None):
    """The page in each language it is live and public in, the visitor's own included and marked,
    in the site's order of languages; just the page itself when it has no translation.

    On one of a page's own routes (a finder's country), `canonical_url` names where the visitor is:
    each version is the same route of that language's page."""
    language = language_of(page)
    full_url = page.get_full_url(request)
    route = canonical_url[len(full_url) :] if canonical_url and full_url and canonical_url.startswith(full_url) else ""
    found = translated_pages(request).get(page.translation_key)
    if not found or language not in found:  # a page not yet live, a private one, or one with no translation
        found = {language: {"url": page.get_url(request), "full_url": full_url}}
    return [
        Version(code, found[code]["url"] + route, found[code]["full_url"] + route, is_current=code == language)
        for code in sorted(found, key=language_position)
        if found[code]["url"]
    ]


def language_position(code):
    return LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


def default_version(all_versions):
    """The version for readers of none of the languages (hreflang="x-default"): the English one, else the first."""
    for version in all_versions:
        if version.language == default_language():
            return version
    return all_versions[0] if all_versions else None


def sitemap_alternates(page, request=None, route=""):
    """The sitemap's <xhtml:link rel="alternate"> for a page (or one of its routes): every version and x-default."""
    full_url = page.get_full_url(request)
    all_versions = versions(page, request, canonical_url=full_url + route if full_url else None)
    alternates = [{"lang_code": version.language, "location": version.full_url} for version in all_versions]
    fallback = default_version(all_versions)
    if fallback:
        alternates.append({"lang_code": "x-default", "location": fallback.full_url})
    return alternates


def link(page, request):
    """A page to link to; `language` names its language when it is not the visitor's (an English
    page a French menu falls back to), for the link's lang and hreflang."""
    language = language_of(page)
    return {
        "title": page.title,
        "url": page.get_url(request=request),
        "full_url": page.get_full_url(request=request),
        "path": page.path,
        "depth": page.depth,
        "language": "" if language == active_language() else language,
    }


def localized_link(page, request):
    """A link to the page's translation in the visitor's language where one is live, else to the page."""
    if language_of(page) == active_language():
        return link(page, request)
    translated = translation_in(page.translation_key, active_language(), request)
    if translated is None:
        return link(page, request)
    return {**translated, "depth": page.depth, "language": ""}


def in_visitors_language(pages, queryset):
    """A listing of the site's own (English) pages, each replaced by its live translation in the
    visitor's language from `queryset` where there is one: one query, none in English."""
    language = active_language()
    if language == default_language() or not pages:
        return list(pages)
    keys = [page.translation_key for page in pages]
    found = queryset.filter(locale_id=locale_id(language), translation_key__in=keys)
    translations = {page.translation_key: page for page in found}
    return [translations.get(page.translation_key, page) for page in pages]


def search_versions(request, query):
    """The search page in every language, for the same words: a search always exists in each."""
    here = active_language()
    found = []
    for code in LANGUAGE_ORDER:
        with translation.override(code):
            url = reverse("search")
        if query:
            url += "?" + urlencode({"q": query})
        found.append(Version(code, url, request.build_absolute_uri(url), is_current=code == here))
    return found
