import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_home_page_opens_in_chromium_and_axe_finds_nothing(initial_content, visit):
    page = visit("/")
    assert "WePROTECT Global Alliance" in page.title()
    assert_accessible(page)
