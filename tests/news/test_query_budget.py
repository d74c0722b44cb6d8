"""Every news page costs the same few queries whether there are 5 articles or 60."""

import pytest

from tests.factories.news import ArticlePageFactory, AuthorFactory

pytestmark = pytest.mark.django_db

BUDGET = 10


def add_articles(index, count, authors):
    for number in range(count):
        ArticlePageFactory(parent=index, authors=authors, topics=[f"topic {number % 4}", "prevention"])


@pytest.mark.parametrize(
    "path", ["/", "/news/", "/news/?topic=prevention&year=2020", "/news/feed/", "/news/feed/atom/"]
)
def test_news_listings_stay_within_budget_as_articles_grow(news_index, queries_to_render, path):
    authors = [AuthorFactory(), AuthorFactory()]
    add_articles(news_index, 5, authors)
    with_few = queries_to_render(path)
    add_articles(news_index, 55, authors)
    with_many = queries_to_render(path)
    assert with_few == with_many <= BUDGET


def test_the_topic_feed_stays_within_budget_as_articles_grow(news_index, queries_to_render):
    authors = [AuthorFactory()]
    add_articles(news_index, 5, authors)
    with_few = queries_to_render("/news/topics/prevention/feed/")
    add_articles(news_index, 55, authors)
    assert queries_to_render("/news/topics/prevention/feed/") == with_few <= BUDGET


def test_an_article_stays_within_budget_as_articles_grow(news_index, queries_to_render):
    authors = [AuthorFactory(), AuthorFactory(), AuthorFactory()]
    article = ArticlePageFactory(parent=news_index, authors=authors, topics=["prevention", "research"])
    add_articles(news_index, 5, authors)
    with_few = queries_to_render(article.url)
    add_articles(news_index, 55, authors)
    assert queries_to_render(article.url) == with_few <= BUDGET
