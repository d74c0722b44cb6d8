"""The news index: newest first, filters in the query string, pages, and the home page's latest news."""

import datetime
import re

import pytest

from news.models import ArticleKind
from tests.factories.news import ArticlePageFactory

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h2><a href="/news/[^"]+">([^<]+)</a></h2>', html)


@pytest.fixture
def articles(news_index):
    return {
        "old": ArticlePageFactory(
            parent=news_index, title="Summit communique", kind=ArticleKind.STATEMENT, date=datetime.date(2022, 6, 2)
        ),
        "opinion": ArticlePageFactory(
            parent=news_index,
            title="Why prevention works",
            kind=ArticleKind.OPINION,
            date=datetime.date(2024, 3, 1),
            topics=["prevention"],
        ),
        "new": ArticlePageFactory(
            parent=news_index,
            title="Threat assessment launched",
            date=datetime.date(2025, 12, 11),
            topics=["research"],
        ),
    }


def test_the_index_lists_articles_newest_first(client, articles):
    html = client.get("/news/").content.decode()
    assert titles(html) == ["Threat assessment launched", "Why prevention works", "Summit communique"]
    assert "3 articles." in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "opinion"}, ["Why prevention works"]),
        ({"topic": "research"}, ["Threat assessment launched"]),
        ({"year": "2022"}, ["Summit communique"]),
        ({"kind": "news", "year": "2025"}, ["Threat assessment launched"]),
    ],
)
def test_filters_in_the_query_string_narrow_the_list(client, articles, query, expected):
    html = client.get("/news/", query).content.decode()
    assert titles(html) == expected
    assert "match your filters" in html and 'href="/news/">Clear filters' in html


def test_the_filter_form_offers_only_values_some_article_has_and_works_without_javascript(client, articles):
    html = client.get("/news/").content.decode()
    start = html.index('<form class="library-filters" method="get"')
    form = html[start : html.index("</form>", start)]
    assert '<option value="opinion">Opinion</option>' in form
    assert 'value="case_study"' not in form
    assert '<option value="prevention">prevention</option>' in form
    assert '<option value="2025">2025</option>' in form and '<option value="2023">' not in form
    for name in ("kind", "topic", "year"):
        assert f'<label class="form-label" for="id_{name}">' in form
    assert '<button type="submit" class="button">Apply filters</button>' in form


@pytest.mark.parametrize("query", [{"kind": "rumour"}, {"year": "20x5"}, {"topic": "<script>"}, {"page": "999"}])
def test_a_mistyped_link_gives_a_normal_page(client, articles, query):
    response = client.get("/news/", query)
    assert response.status_code == 200
    assert len(titles(response.content.decode())) == 3


def test_the_index_is_paginated_and_keeps_the_filters(client, news_index):
    for number in range(12):
        ArticlePageFactory(parent=news_index, kind=ArticleKind.OPINION, title=f"Opinion {number}")
    first = client.get("/news/", {"kind": "opinion"}).content.decode()
    assert len(titles(first)) == 10 and "Page 1 of 2" in first
    assert 'href="?kind=opinion&amp;page=2"' in first
    second = client.get("/news/", {"kind": "opinion", "page": 2}).content.decode()
    assert len(titles(second)) == 2


def test_a_topic_filter_offers_the_topic_feed(client, articles):
    html = client.get("/news/", {"topic": "prevention"}).content.decode()
    head = html[: html.index("</head>")]
    assert '<link rel="alternate" type="application/rss+xml" title="News and insights: prevention (RSS)"' in head
    assert 'href="/news/topics/prevention/feed/atom/"' in head


def test_every_page_links_the_main_feed(client, home_page, articles):
    from tests.factories.home import StandardPageFactory

    about = StandardPageFactory(parent=home_page, slug="about")
    for url in ("/", about.url, "/news/"):
        head = client.get(url).content.decode().split("</head>")[0]
        assert (
            '<link rel="alternate" type="application/rss+xml" title="News and insights (RSS)" href="/news/feed/">'
            in head
        )
        assert 'type="application/atom+xml" title="News and insights (Atom)" href="/news/feed/atom/"' in head


def test_the_home_page_shows_as_many_of_the_latest_articles_as_the_editor_chose(client, home_page, articles):
    html = client.get("/").content.decode()
    assert "Latest news" in html
    section = html[html.index('id="latest-news-heading"') :]
    assert section.index("Threat assessment launched") < section.index("Why prevention works")
    assert 'href="/news/">All news and insights</a>' in section

    home_page.news_count = 1
    home_page.news_heading = "From the Alliance"
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "From the Alliance" in html and "Threat assessment launched" in html
    assert "Why prevention works" not in html


def test_the_editor_can_hide_the_latest_news(client, home_page, articles):
    home_page.news_count = 0
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "latest-news-heading" not in html and "Threat assessment launched" not in html


def test_there_is_one_news_index_under_the_home_page(home_page, news_index):
    from news.models import ArticlePage, NewsIndexPage

    assert not NewsIndexPage.can_create_at(home_page)
    assert ArticlePage.can_create_at(news_index)
    assert not ArticlePage.can_create_at(home_page)


def test_without_a_news_index_no_feed_is_linked(client, home_page):
    assert "application/rss+xml" not in client.get("/").content.decode()
