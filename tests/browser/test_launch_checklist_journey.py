"""A superuser readies the site for launch from the dashboard: the checklist is readable with a
screen reader's tools, and an item put right through its link leaves the list."""

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-superuser-password"


def test_a_superuser_enters_the_contact_address_from_the_checklist(
    initial_content, live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("launcher", "launcher@alliance.example", PASSWORD)
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("launcher")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    checklist = page.get_by_role("region", name="Before the site goes live")
    assert checklist.get_by_role("heading", name="No public contact address").is_visible()
    assert_accessible(page)

    checklist.get_by_role("link", name="Enter the contact address").click()
    page.get_by_label("Contact email").fill("hello@alliance.example")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(".messages")
    page.goto(live_server.url + "/admin/")

    assert checklist.get_by_role("heading", name="No address for the membership team").is_visible()
    assert checklist.get_by_role("heading", name="No public contact address").count() == 0
