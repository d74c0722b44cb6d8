"""The site's section pages (the library, the news, the events, the members directory, the help finder), found
together in one query per content version, for every fragment that links to one of them.

A fragment is rendered afresh after each change an editor makes; looking each index up on its
own would cost a query per fragment on every such first render.
"""

from django.apps import apps
from wagtail.models import Page

from website.cache import cached_for_content
from website.languages import active_locale_id, default_language, locale_id

SECTION_INDEXES = (
    "news.NewsIndexPage",
    "resources.ResourceIndexPage",
    "events.EventIndexPage",
    "members.MembersDirectoryPage",
    "helpfinder.HelpFinderPage",
)


def section_index(label):
    """The first live page of the index type `label` ("news.NewsIndexPage"), or None: in the
    visitor's language where it is translated, else in English.

    Only the page's own core fields are loaded (title, address): enough to link to it.
    """
    return section_indexes().get(label)


def section_indexes():
    """Found once per content version and language (cached_for_content keys by both)."""

    def find():
        models = [apps.get_model(label) for label in SECTION_INDEXES]
        preferred = [active_locale_id(), locale_id(default_language())]
        pages = Page.objects.live().type(*models).specific(defer=True).order_by("path")
        found = {}
        for page in sorted(pages, key=lambda page: language_rank(page, preferred)):
            found.setdefault(page._meta.label, page)
        return found

    return cached_for_content("section-indexes", find)


def language_rank(page, preferred):
    """The visitor's language first, then English, then any other; stable, so tree order within each."""
    return preferred.index(page.locale_id) if page.locale_id in preferred else len(preferred)
