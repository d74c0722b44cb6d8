"""The membership team works through the register in a real browser."""

import pytest

from membership.models import Kind, Status
from tests.factories.membership import team_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_membership_team_goes_from_the_dashboard_to_the_new_entries_and_changes_a_status(
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
    page.wait_for_url(f"**/membershipenquiry/inspect/{interest.pk}/")
    interest.refresh_from_db()
    assert interest.status == Status.CONTACTED
    assert "Contacted" in page.locator("main").inner_text()  # the entry's history says so
