import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.events import EventIndexPageFactory


@pytest.fixture
def events_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def queries_to_render(client, settings):
    """How many queries a page costs when it is rendered, not served from the page cache
    (the menu and the site lookup, cached across content versions, already warm)."""
    settings.PAGE_CACHE_ENABLED = False

    def count(path):
        assert client.get(path).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    return count
