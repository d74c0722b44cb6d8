"""From the register to the members directory, in a real browser: the team marks an entry "member"
and adds it to the directory as a draft, an editor publishes it, and visitors see it at once."""

import pytest

from members.models import Member
from membership.models import OrganisationType, Status
from tests.browser.conftest import assert_accessible
from tests.factories.membership import MembershipEnquiryFactory, team_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username, password):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_a_register_entry_becomes_a_published_directory_member(
    initial_content, live_server, page, browser, django_user_model
):
    entry = MembershipEnquiryFactory(
        organisation_name="Example Safety Network",
        organisation_type=OrganisationType.CIVIL_SOCIETY,
        country="KE",
        status=Status.INVITED,
    )
    visitor = browser.new_page()
    visitor.goto(live_server.url + "/members/")  # the directory is now in the page cache
    assert "Example Safety Network" not in visitor.content()

    # The team marks the entry "member" and adds it to the directory.
    team_member(django_user_model, "maria")
    sign_in(page, live_server, "maria", "a-long-team-password")
    page.goto(f"{live_server.url}/admin/membership/membershipenquiry/edit/{entry.pk}/")
    page.get_by_role("combobox", name="Status").select_option(label="Member")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(f"**/inspect/{entry.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="Add to the directory").click()
    page.wait_for_url("**/admin/snippets/members/member/edit/*/")
    assert "an editor then publishes it" in page.locator(".messages").inner_text()
    assert page.get_by_role("textbox", name="Organisation name").input_value() == "Example Safety Network"
    page.get_by_role("button", name="Save draft").click()
    member = Member.objects.get(enquiry=entry)
    assert not member.live

    # An editor publishes it.
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-editor-password")
    editor = browser.new_page()
    sign_in(editor, live_server, "editor", "a-long-editor-password")
    editor.goto(f"{live_server.url}/admin/snippets/members/member/edit/{member.pk}/")
    editor.get_by_role("button", name="More actions").click()
    editor.locator("button[name='action-publish']").click()
    editor.wait_for_url("**/admin/snippets/members/member/")

    # Visitors see it at once, under its sector.
    visitor.reload()
    section = visitor.locator("#sector-civil_society").locator("xpath=..")
    assert "Example Safety Network" in section.inner_text()


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_nothing_on_the_directory(initial_content, visit, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    visit("/members/?sector=government")
    assert_accessible(page)
    visit("/members/")
    assert_accessible(page)
