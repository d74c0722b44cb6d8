import pytest

from tests.factories.events import EventIndexPageFactory


@pytest.fixture
def events_index(home_page):
    return EventIndexPageFactory(parent=home_page)
