"""RSS 2.0 and Atom feeds of everything and of each topic, as a feed reader reads them."""

import datetime
from email.utils import parsedate_to_datetime

import pytest
from defusedxml import ElementTree

from tests.factories.news import ArticlePageFactory, AuthorFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RSS, ATOM_TYPE = "application/rss+xml", "application/atom+xml"


@pytest.fixture
def articles(news_index):
    author = AuthorFactory(name="Amina Diallo")
    return [
        ArticlePageFactory(
            parent=news_index,
            title="Threat assessment launched",
            date=datetime.date(2025, 12, 11),
            summary="A plan to end the crisis.",
            topics=["research"],
            authors=[author],
        ),
        ArticlePageFactory(
            parent=news_index, title="Why prevention works", date=datetime.date(2024, 3, 1), topics=["prevention"]
        ),
    ]


def fetch(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    return ElementTree.fromstring(response.content)


def test_the_rss_feed_lists_the_newest_articles_with_full_links_dates_and_summaries(client, articles):
    rss = fetch(client, "/news/feed/", "application/rss+xml")

    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "News and insights | WePROTECT Global Alliance"
    assert channel.findtext("link") == "http://localhost/news/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Threat assessment launched", "Why prevention works"]
    first = items[0]
    assert first.findtext("link") == articles[0].full_url == "http://localhost/news/threat-assessment-launched/"
    assert first.findtext("description") == "A plan to end the crisis."
    assert parsedate_to_datetime(first.findtext("pubDate")).date() == datetime.date(2025, 12, 11)
    assert first.findtext("category") == "research"
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Amina Diallo"


def test_the_atom_feed_has_the_same_articles(client, articles):
    feed = fetch(client, "/news/feed/atom/", "application/atom+xml")

    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/news/feed/atom/"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Threat assessment launched",
        "Why prevention works",
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://localhost/news/threat-assessment-launched/"
    assert first.findtext(f"{ATOM}published").startswith("2025-12-11")
    assert first.findtext(f"{ATOM}updated")
    assert first.findtext(f"{ATOM}summary") == "A plan to end the crisis."
    assert first.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Amina Diallo"


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/news/topics/prevention/feed/", "application/rss+xml"),
        ("/news/topics/prevention/feed/atom/", "application/atom+xml"),
    ],
)
def test_a_topic_feed_has_only_that_topics_articles(client, articles, url, content_type):
    feed = fetch(client, url, content_type)
    text = ElementTree.tostring(feed, encoding="unicode")
    assert "Why prevention works" in text and "Threat assessment launched" not in text
    assert "News and insights: prevention" in text


def test_a_topic_no_article_has_has_no_feed(client, articles):
    assert client.get("/news/topics/no-such-topic/feed/").status_code == 404


def test_drafts_are_not_in_the_feed(client, news_index, articles):
    ArticlePageFactory(parent=news_index, title="Not ready yet", live=False)
    assert b"Not ready yet" not in client.get("/news/feed/").content


@pytest.mark.parametrize(("url", "content_type"), [("/news/feed/", RSS), ("/news/feed/atom/", ATOM_TYPE)])
def test_a_control_character_stored_in_an_article_leaves_the_feeds_well_formed(client, news_index, url, content_type):
    # Stored before editors' forms dropped them: Word's line break is a vertical tab.
    ArticlePageFactory(parent=news_index, title="Summit\x0bopens", summary="Leaders\x0bmeet.\x01")

    feed = fetch(client, url, content_type)  # parsed: well-formed XML

    text = ElementTree.tostring(feed, encoding="unicode")
    assert "Summit opens" in text and "Leaders meet." in text
    assert "\x0b" not in text and "\x01" not in text


def test_the_atom_feed_names_the_alliance_as_its_author(client, articles):
    feed = fetch(client, "/news/feed/atom/", ATOM_TYPE)

    # RFC 4287 (4.1.1): a feed has an author unless every entry names one; the second names none.
    assert feed.find(f"{ATOM}author").findtext(f"{ATOM}name") == "WePROTECT Global Alliance"
