"""The site's section pages (the library, the news, the events, the members directory, the help finder), found
together in one query per content version, for every fragment that links to one of them.

A fragment is rendered afresh after each change an editor makes; looking each index up on its
own would cost a query per fragment on every such first render.
"""

from django.apps import apps
from wagtail.models import Page

from website.cache import cached_for_content

SECTION_INDEXES = (
    "news.NewsIndexPage",
    "resources.ResourceIndexPage",
    "events.EventIndexPage",
    "members.MembersDirectoryPage",
    "helpfinder.HelpFinderPage",
)


def section_index(label):
    """The first live page of the index type `label` ("news.NewsIndexPage"), or None.

    Only the page's own core fields are loaded (title, address): enough to link to it.
    """
    return section_indexes().get(label)


def section_indexes():
    def find():
        models = [apps.get_model(label) for label in SECTION_INDEXES]
        found = {}
        for page in Page.objects.live().type(*models).specific(defer=True).order_by("path"):
            found.setdefault(page._meta.label, page)
        return found

    return cached_for_content("section-indexes", find)
