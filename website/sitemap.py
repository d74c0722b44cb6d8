"""The sitemap: the pages of every language, each with its translations and x-default.

Wagtail's own sitemap lists the default site's tree only, which is English: each other
language has a tree of its own beside it, under a translation of the home page.
"""

from functools import reduce
from operator import or_

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LanguagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = [Page.objects.descendant_of_q(home, inclusive=True) for home in root.get_translations(inclusive=True)]
        return Page.objects.filter(reduce(or_, trees)).live().public().order_by("path").defer_streamfields().specific()
