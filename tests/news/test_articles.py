"""An article as a reader sees it: authors, topics, related pages, structured data, videos."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.images.tests.utils import get_test_image_file

from news.blocks import VideoBlock, parse_video
from tests.factories.news import ArticlePageFactory, AuthorFactory
from tests.factories.resources import (
    CapabilityAreaPageFactory,
    CapabilityPageFactory,
    MnrFrameworkPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from website.models import CustomImage

pytestmark = pytest.mark.django_db


def json_ld_blocks(html):
    return [json.loads(text) for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


@pytest.fixture
def photo():
    return CustomImage.objects.create(title="Portrait", file=get_test_image_file())


def test_an_article_shows_its_authors_with_photos_and_bios(client, news_index, photo):
    first = AuthorFactory(name="Amina Diallo", role="Director", organisation="Child Rights Network", photo=photo)
    second = AuthorFactory(name="Ben Ortiz", bio="Researches online safety.")
    article = ArticlePageFactory(parent=news_index, title="Why prevention works", authors=[first, second])

    html = client.get(article.url).content.decode()

    assert html.index("Amina Diallo") < html.index("Ben Ortiz")  # in credit order
    assert "Director, Child Rights Network" in html
    assert "Researches online safety." in html
    assert 'class="article-author__photo"' in html
    assert "About the authors" in html


def test_an_article_links_its_topics_to_the_filtered_index_and_lists_related_pages(client, home_page, news_index):
    framework = MnrFrameworkPageFactory(parent=home_page)
    area = CapabilityAreaPageFactory(parent=framework)
    capability = CapabilityPageFactory(parent=area, number=4, title="Dedicated law enforcement")
    report = ResourcePageFactory(parent=ResourceIndexPageFactory(parent=home_page), title="Threat assessment")
    article = ArticlePageFactory(parent=news_index, topics=["Financial sexual extortion"])
    article.related_capabilities = [capability]
    article.related_resources = [report]
    article.save_revision().publish()

    html = client.get(article.url).content.decode()

    assert '<a href="/news/?topic=financial-sexual-extortion">Financial sexual extortion</a>' in html
    assert f'href="{capability.url}">4. Dedicated law enforcement</a>' in html
    assert f'href="{report.url}">Threat assessment</a>' in html
    assert 'href="/news/topics/financial-sexual-extortion/feed/"' in html  # the topic's feed, in <head>


def test_an_article_is_described_as_an_article_to_search_engines_and_sharing(client, news_index, photo):
    author = AuthorFactory(name="Amina Diallo", role="Director")
    article = ArticlePageFactory(
        parent=news_index, title="A year of action", authors=[author], lead_image=photo, lead_image_alt="A meeting"
    )

    html = client.get(article.url).content.decode()

    assert '<meta property="og:type" content="article">' in html
    data = next(block for block in json_ld_blocks(html) if block["@type"] == "Article")
    assert data["headline"] == "A year of action"
    assert data["datePublished"] == article.date.isoformat()
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [{"@type": "Person", "name": "Amina Diallo", "jobTitle": "Director"}]
    assert data["publisher"]["name"] == "WePROTECT Global Alliance"
    assert data["image"][0].startswith("http://localhost/") and data["image"][0].endswith(".jpg")
    assert data["url"] == article.full_url
    assert 'alt="A meeting"' in html


def test_an_article_without_authors_is_credited_to_the_alliance(client, news_index):
    html = client.get(ArticlePageFactory(parent=news_index).url).content.decode()
    data = next(block for block in json_ld_blocks(html) if block["@type"] == "Article")
    assert data["author"][0]["@type"] == "Organization"
    assert "About the author" not in html


def test_other_pages_stay_websites_for_sharing(client, news_index):
    assert '<meta property="og:type" content="website">' in client.get(news_index.url).content.decode()


def test_a_seeded_item_links_to_its_original(client, news_index):
    article = ArticlePageFactory(parent=news_index, original_url="https://www.weprotect.org/news/example/")
    html = client.get(article.url).content.decode()
    assert 'href="https://www.weprotect.org/news/example/"' in html
    assert "Read the original on weprotect.org" in html


def test_a_lead_image_needs_its_alt_text(news_index, photo):
    article = ArticlePageFactory.build(title="Pictured", slug="pictured", summary="S", lead_image=photo)
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "lead_image_alt" in error.value.message_dict


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://www.youtube.com:443/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
    ],
)
def test_youtube_and_vimeo_videos_play_from_their_privacy_minded_players(url, player):
    assert parse_video(url)[1] == player


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/channel/UCabc",
        "javascript:alert(1)",
        "https://vimeo.com/channels/staffpicks",
        # A browser goes to evil.example: it reads the backslash as a slash, the rest as a path.
        "https://evil.example\\@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://evil.example\\www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com\\@evil.example/watch?v=dQw4w9WgXcQ",
        # A user name, a password, or a port of its own only disguise where the link goes.
        "https://evil.example@www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://user:password@vimeo.com/76979871",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com:80/76979871",
        "https://www.youtube.com:port/watch?v=dQw4w9WgXcQ",
    ],
)
def test_a_video_from_anywhere_else_is_refused(url):
    with pytest.raises(StructBlockValidationError):
        VideoBlock().clean({"url": url, "title": "A video"})


def test_a_video_is_a_link_until_the_reader_asks_to_play_it(client, news_index):
    video = {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Summit opening"}
    article = ArticlePageFactory(parent=news_index, body=[("video", video)])

    html = client.get(article.url).content.decode()

    assert "<iframe" not in html and "youtube-nocookie.com/embed" in html  # the address waits in a data attribute
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html and "Watch on YouTube" in html
    assert re.search(r'<button type="button" class="button video__play" hidden>Play here', html)
    assert '<script src="/static/js/video-embed.js" defer></script>' in html


def test_the_security_policy_allows_only_the_two_players_as_frames(client, news_index):
    policy = client.get(news_index.url)["Content-Security-Policy"]
    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src"))
    assert frame_src.split()[1:] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_every_field_an_editor_sees_has_help_text():
    from news.models import ArticleAuthor, Author, NewsIndexPage
    from news.models import ArticlePage as Article

    for model in (Article, NewsIndexPage, Author, ArticleAuthor):
        own_fields = [
            field
            for field in model._meta.get_fields()
            if field.concrete
            and field.model is model
            and field.editable
            and field.name not in {"id", "page_ptr"}
            and field.name not in {"page", "sort_order"}
        ]
        for field in own_fields:
            assert field.help_text, f"{model.__name__}.{field.name} has no help text"


def test_an_article_without_a_picture_of_its_own_shows_the_sites_sharing_image_to_search_engines(
    client, site, news_index, photo
):
    from website.models import SiteSettings

    site_settings = SiteSettings.for_site(site)
    site_settings.default_social_image = photo
    site_settings.save()
    html = client.get(ArticlePageFactory(parent=news_index).url).content.decode()

    data = next(block for block in json_ld_blocks(html) if block["@type"] == "Article")
    rendition = photo.get_rendition("fill-1200x630|format-jpeg")
    assert data["image"] == [f"http://localhost{rendition.url}"]
