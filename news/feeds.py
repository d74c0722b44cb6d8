"""RSS 2.0 and Atom feeds of the newest articles, for everything or one topic.

Served as routes of the news index (NewsIndexPage), so they move with it, and cached like
any public page until the content next changes. Every link is absolute, from Wagtail's
Site record (the public address), whatever host the request used.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from news.models import ArticlePage
from website.plain_text import cleaned

FEED_LENGTH = 20
SITE_NAME = "WePROTECT Global Alliance"


class PlainTextFeed:
    """Writes stored text without control characters: XML 1.0 may not hold them, and Django
    refuses to write a feed with one (website/plain_text.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*cleaned(args), **cleaned(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*cleaned(args), **cleaned(kwargs))


class PlainRssFeed(PlainTextFeed, Rss201rev2Feed):
    pass


class PlainAtomFeed(PlainTextFeed, Atom1Feed):
    pass


class ArticleFeed(Feed):
    feed_type = PlainRssFeed
    # Atom needs an author for the feed (RFC 4287, 4.1.1) where an entry names none: the Alliance.
    author_name = SITE_NAME

    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        name = f"{self.index_page.title}: {self.topic.name}" if self.topic else self.index_page.title
        return f"{name} | {SITE_NAME}"

    def link(self):
        return self.index_page.get_full_url(request=self.request)

    def feed_url(self):
        rss, atom = self.index_page.feed_urls(self.topic, request=self.request, full=True)
        return atom if issubclass(self.feed_type, Atom1Feed) else rss

    def description(self):
        return self.index_page.introduction

    def items(self):
        articles = ArticlePage.listing().child_of(self.index_page)
        if self.topic:
            articles = articles.filter(tagged_items__tag=self.topic)
        return articles[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_full_url(request=self.request)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_published_at or article.published_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.author_list) or None

    def item_categories(self, article):
        return [topic.name for topic in article.topic_list]


class AtomArticleFeed(ArticleFeed):
    feed_type = PlainAtomFeed

    def subtitle(self):
        return self.index_page.introduction
