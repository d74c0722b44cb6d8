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


def test_an_editor_records_a_chair_and_visitors_see_the_chair_section(initial_content, live_server, page, browser):
    from django.contrib.auth import get_user_model

    from tests.browser.test_editor_journeys import EDITOR_PASSWORD, sign_in

    get_user_model().objects.create_superuser("editor", "editor@example.org", EDITOR_PASSWORD)
    visitor = browser.new_page()
    visitor.goto(live_server.url + "/about/board/")
    assert visitor.get_by_role("heading", level=2, name="Chair").count() == 0

    sign_in(page, live_server.url)
    page.goto(live_server.url + "/admin/snippets/governance/boardmember/")
    assert page.get_by_text("do not name the current Chair").is_visible()
    page.get_by_role("link", name="Add Board or Secretariat member").first.click()
    page.get_by_label("Name").fill("Robin Chair")
    page.get_by_label("Role on the Board").select_option(label="Chair")
    page.get_by_label("Position").fill("Minister")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/admin/snippets/governance/boardmember/")
    assert page.get_by_text("do not name the current Chair").count() == 0

    visitor.reload()
    assert visitor.get_by_role("heading", level=2, name="Chair").is_visible()
    assert visitor.get_by_role("heading", level=3, name="Robin Chair").is_visible()
