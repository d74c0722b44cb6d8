import pytest
from django.core.cache import cache

from tests.factories.membership import MembershipPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each test starts with no submissions counted against the test client."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def membership_page(home_page):
    return MembershipPageFactory(parent=home_page)
