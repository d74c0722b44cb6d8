"""The site's section pages (the library, the news, the events, the members directory, the help finder), found
together in one query per content version, for every fragment that links to one of them.

A fragment is rendered afresh after each change an editor makes; looking each index up on its
own would cost a query per fragment on every such first render.
"""

from django.apps import apps
from wagtail.models import Page

from website.cache import cached_for_content
from website.languages import active_locale_id

SECTION_INDEXES = (
    "news.NewsIndexPage",
    "resources.ResourceIndexPage",
    "events.EventIndexPage",
    "members.MembersDirectoryPage",
    "helpfinder.HelpFinderPage",
)


def section_index(label):
    """The live page of the index type `label` ("news.NewsIndexPage") in the visitor's language,
    else the first one (the English), or None.

    Only the page's own core fields are loaded (title, address): enough to link to it.
    """
    return section_indexes().get(label)


def section_indexes():
    def find():
        models = [apps.get_model(label) for label in SECTION_INDEXES]
        found = {}
        for page in Page.objects.live().type(*models).specific(defer=True).order_by("path"):
            if page._meta.label not in found or page.locale_id == locale:
                found[page._meta.label] = page  # the first, unless one in the visitor's language follows
        return found

    locale = active_locale_id()
    return cached_for_content("section-indexes", find)
