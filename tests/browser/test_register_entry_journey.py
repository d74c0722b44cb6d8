"""The membership team corrects an entry, keeps notes on it and erases it on request, in a real browser."""

import pytest

from membership.models import Erasure, MembershipEnquiry
from tests.browser.conftest import assert_accessible
from tests.factories.membership import MembershipEnquiryFactory, team_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-team-password")
    page.get_by_role("button", name="Sign in").click()


def test_the_team_corrects_a_detail_adds_notes_and_erases_the_entry(
    initial_content, live_server, page, django_user_model
):
    entry = MembershipEnquiryFactory(organisation_name="Example Technologies", email="sam@exmaple.org")
    team_member(django_user_model, "maria")
    sign_in(page, live_server, "maria")

    # Correct the mistyped e-mail address and add a note in the same save.
    page.goto(f"{live_server.url}/admin/membership/membershipenquiry/inspect/{entry.pk}/")
    page.get_by_role("link", name="Edit").click()
    email = page.get_by_role("textbox", name="Contact's e-mail address*", exact=True)  # * marks required
    email.fill("sam@example")
    page.get_by_role("textbox", name="Add a note (optional)").fill("Called: the address was mistyped.")
    page.get_by_role("button", name="Save").click()
    summary = page.get_by_role("alert")
    assert "Enter an e-mail address in the right format" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"  # the summary leads to the field
    email.fill("sam@example.org")
    page.get_by_role("button", name="Save").click()

    # The entry's page shows the history and the note; a second note joins the first.
    page.wait_for_url(f"**/inspect/{entry.pk}/")
    history = page.locator("ul.history").inner_text()
    assert "maria changed E-mail: sam@exmaple.org → sam@example.org" in history
    page.get_by_role("textbox", name="Add a note").fill("Sent the application pack.")
    page.get_by_role("button", name="Add note").click()
    notes = page.locator("ol.register-notes").inner_text()
    assert notes.index("the address was mistyped") < notes.index("Sent the application pack")

    # Adding an enquiry by hand asks for the public form's details (and the page stays accessible).
    page.goto(live_server.url + "/admin/membership/membershipenquiry/create/")
    page.get_by_role("button", name="Save").click()
    assert "Enter the name of the organisation" in page.get_by_role("alert").inner_text()
    assert_accessible(page)
    page.goto(f"{live_server.url}/admin/membership/membershipenquiry/inspect/{entry.pk}/")
    assert_accessible(page)

    # Erase on request: confirmation first, with a reason.
    page.get_by_role("link", name="Erase").click()
    assert entry.reference in page.get_by_role("heading", level=2).first.inner_text()
    page.get_by_role("button", name="Erase this entry").click()
    assert "Enter why the entry is being erased" in page.get_by_role("alert").inner_text()
    assert MembershipEnquiry.objects.filter(pk=entry.pk).exists()
    assert_accessible(page)
    page.get_by_role("textbox", name="Why is this entry being erased?").fill(
        "The contact asked us by e-mail to delete their details"
    )
    page.get_by_role("button", name="Erase this entry").click()
    assert f"{entry.reference} erased" in page.locator(".messages").inner_text()
    assert not MembershipEnquiry.objects.exists()

    # The erasure log: reference, who, when and why, and nothing about the organisation.
    page.get_by_role("link", name="See erased entries").click()
    log = page.locator("table.listing").inner_text()
    assert entry.reference in log and "maria" in log and "asked us by e-mail" in log
    assert "Example Technologies" not in page.content() and "sam@example.org" not in page.content()
    assert Erasure.objects.get().reference == entry.reference
    assert_accessible(page)
