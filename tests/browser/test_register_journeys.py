"""The membership team works through the register in a real browser."""

import pytest

from membership.models import Kind, Status
from tests.factories.membership import team_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_membership_team_finds_both_entries_changes_a_status_and_downloads_the_csv(
    initial_content, live_server, page, django_user_model
):
    from tests.factories.membership import MembershipEnquiryFactory

    interest = MembershipEnquiryFactory(organisation_name="Example Technologies")
    MembershipEnquiryFactory(organisation_name="Ministry of the Interior", kind=Kind.APPLICATION)
    team_member(django_user_model, "maria")

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill("a-long-team-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="2 new entries waiting").click()
    register = page.locator("table.listing").inner_text()
    assert "Example Technologies" in register and "Ministry of the Interior" in register

    page.goto(f"{live_server.url}/admin/membership/membershipenquiry/edit/{interest.pk}/")
    page.get_by_role("combobox", name="Status").select_option("contacted")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/membershipenquiry/")
    interest.refresh_from_db()
    assert interest.status == Status.CONTACTED

    page.locator(".w-dropdown-button").get_by_role("button", name="More actions").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    content = open(download.value.path(), encoding="utf-8").read()
    assert "Example Technologies" in content and "Ministry of the Interior" in content
