import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.news import NewsIndexPageFactory
from website.cache import bump_content_version


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def queries_to_render(client, settings):
    """How many queries a page costs when it is rendered, not served from the page cache.

    As in a running server, the shared fragments (menu, filter choices, latest news) and
    Wagtail's per-process caches are warm: the first request fills them. Any change of
    content makes a new version, so the counts are taken afresh after each batch of articles.
    """
    settings.PAGE_CACHE_ENABLED = False

    def count(url):
        bump_content_version()
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    return count
