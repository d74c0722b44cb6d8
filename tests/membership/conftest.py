import pytest

from tests.factories.membership import MembershipPageFactory


@pytest.fixture
def membership_page(home_page):
    return MembershipPageFactory(parent=home_page)
