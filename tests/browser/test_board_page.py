"""A visitor reads the Board page in a real browser, on a phone and on a desktop."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.factories.governance import BoardMemberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [375, 1280])
def test_the_board_page_is_accessible_with_a_chair_and_photos(initial_content, visit, page, width):
    BoardMemberFactory(name="Sam Chair", chair=True, with_photo=True)
    page.set_viewport_size({"width": width, "height": 900})
    visit("/about/board/")
    assert page.get_by_role("heading", level=3, name="Sam Chair").is_visible()
    assert page.get_by_role("img", name="Sam Chair").is_visible()
    assert page.get_by_role("heading", level=2, name="Secretariat").is_visible()
    assert_accessible(page)
