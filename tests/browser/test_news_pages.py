"""A reader on the news pages, on a phone and a desktop: accessible, and nothing from elsewhere until asked."""

import pytest
from wagtail.images.tests.utils import get_test_image_file

from tests.browser.conftest import assert_accessible
from tests.factories.news import ArticlePageFactory, AuthorFactory, NewsIndexPageFactory
from website.models import CustomImage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (375, 1280)
VIDEO = {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Opening of the summit"}


@pytest.fixture
def article(site):
    index = NewsIndexPageFactory(parent=site.root_page)
    photo = CustomImage.objects.create(title="Portrait", file=get_test_image_file())
    author = AuthorFactory(name="Amina Diallo", role="Director", photo=photo, bio="Works on prevention.")
    for number in range(12):
        ArticlePageFactory(parent=index, title=f"Earlier news {number}", topics=["research"])
    return ArticlePageFactory(
        parent=index,
        title="Why prevention works",
        authors=[author],
        topics=["prevention"],
        lead_image=photo,
        lead_image_alt="Delegates at a meeting",
        body=[("rich_text", "<p>Prevention saves children from harm.</p>"), ("video", VIDEO)],
    )


def other_hosts(page, live_server, open_page):
    """Every host but the site's that the page asks for while it loads."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_page()
    page.wait_for_load_state("networkidle")
    return {url.split("/")[2] for url in requested if not url.startswith(live_server.url)}


@pytest.mark.parametrize("width", WIDTHS)
def test_the_index_and_an_article_are_accessible(article, visit, live_server, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    assert other_hosts(page, live_server, lambda: visit("/news/")) == set()
    assert page.locator(".results h2").count() == 10
    assert_accessible(page)

    assert other_hosts(page, live_server, lambda: visit(article.url)) == set()
    assert page.get_by_role("heading", level=1).inner_text() == "Why prevention works"
    assert page.locator("iframe").count() == 0
    assert_accessible(page)


def test_the_video_plays_here_only_when_the_reader_asks(article, visit, page):
    page.route("**/*youtube-nocookie.com/**", lambda route: route.fulfill(body="<title>Player</title>"))
    visit(article.url)
    page.get_by_role("button", name="Play here").click()
    player = page.locator("iframe.video__player")
    assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert player.get_attribute("title") == "Opening of the summit"
