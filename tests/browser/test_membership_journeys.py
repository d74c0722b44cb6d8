"""Prospective members and the membership team, in a real browser."""

import time

import pytest

from membership.forms import MINIMUM_SECONDS_TO_FILL
from membership.models import Kind, MembershipEnquiry, OrganisationType
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}


def wait_like_a_person():
    time.sleep(MINIMUM_SECONDS_TO_FILL)


def send_like_a_person(page):
    """Send the form after a person's pause, and wait for the confirmation."""
    wait_like_a_person()
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/confirmation/**")


def type_into(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def test_a_technology_company_registers_interest_with_the_keyboard_only(initial_content, visit):
    page = visit("/membership/")
    type_into(page, "Organisation name", "Example Technologies")
    page.keyboard.press("Tab")  # to the first type of organisation
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # arrows choose among radio buttons: the fourth is a technology company
    assert page.get_by_label("Technology company").is_checked()
    page.keyboard.press("Tab")  # past the region, hidden for a technology company, to the country
    page.keyboard.type("United K")
    type_into(page, "Your full name", "Sam Taylor")
    type_into(page, "Your job title", "Head of Trust and Safety")
    type_into(page, "Your e-mail address", "sam@example.org")
    page.get_by_label("I agree that the Alliance may keep", exact=False).focus()
    page.keyboard.press("Space")
    wait_like_a_person()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the privacy notice link to the button
    assert page.evaluate("document.activeElement.textContent.trim()") == "Send"
    page.keyboard.press("Enter")
    page.wait_for_url("**/confirmation/**")
    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.kind == Kind.INTEREST and enquiry.country.code == "GB"
    assert page.locator(".reference").inner_text() == enquiry.reference
    assert "registration of interest" in page.content()


def fill_application_details(page):
    page.get_by_label("Senior lead's name").fill("Hon. J. Kamau")
    page.get_by_label("Senior lead's role").fill("Cabinet Secretary")
    page.get_by_label("Working-level contact's name").fill("P. Wanjiru")
    page.get_by_label("Working-level contact's e-mail address").fill("p.wanjiru@example.org")
    page.get_by_label("I have read the member commitments", exact=False).check()


def fill_about_you(page):
    page.get_by_label("Your full name").fill("Amina Odhiambo")
    page.get_by_label("Your job title").fill("Director of Cyber Policy")
    page.get_by_label("Your e-mail address").fill("amina@example.org")


def test_a_government_requests_membership_while_paused(initial_content, visit):
    page = visit("/membership/")
    page.get_by_label("Organisation name").fill("Ministry of the Interior")
    page.get_by_label("Government of a UN member state").check()
    page.get_by_label("Country").select_option("KE")
    fill_about_you(page)
    fill_application_details(page)
    page.get_by_label("I agree that the Alliance may keep", exact=False).check()
    send_like_a_person(page)
    assert page.get_by_role("heading", name="Membership request received").is_visible()
    assert MembershipEnquiry.objects.get().kind == Kind.APPLICATION


def test_a_regional_organisation_applies_while_paused_with_the_region_it_covers(initial_content, visit):
    page = visit("/membership/")
    region = page.get_by_label("Region or countries your organisation covers")
    senior_lead = page.get_by_label("Senior lead's name")
    assert not region.is_visible() and not senior_lead.is_visible()  # nothing chosen yet

    page.get_by_label("Technology company").check()  # registers interest while paused
    assert not region.is_visible() and not senior_lead.is_visible()

    regional = page.get_by_label("Regional organisation")
    regional.check()
    assert region.is_visible() and senior_lead.is_visible()
    assert regional.get_attribute("aria-controls") == "region-details application-details"
    assert page.get_by_label("Technology company").get_attribute("aria-controls") is None  # reveals nothing
    page.get_by_label("Organisation name").fill("Southern African Child Online Safety Network")
    region.fill("Southern Africa")  # and no country
    fill_about_you(page)
    fill_application_details(page)
    page.get_by_label("I agree that the Alliance may keep", exact=False).check()
    send_like_a_person(page)
    enquiry = MembershipEnquiry.objects.get()
    assert enquiry.kind == Kind.APPLICATION and enquiry.organisation_type == OrganisationType.REGIONAL
    assert enquiry.regions_covered == "Southern Africa" and not enquiry.country


def test_without_javascript_every_question_shows_with_who_needs_it(initial_content, live_server, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/membership/")
    assert page.get_by_label("Region or countries your organisation covers").is_visible()
    assert page.get_by_label("Senior lead's name").is_visible()
    assert page.get_by_text("Only for organisations that can apply now", exact=False).is_visible()


def test_back_after_sending_brings_a_new_form_not_a_refusal(initial_content, visit):
    page = visit("/membership/")
    page.get_by_label("Organisation name").fill("Example Technologies")
    page.get_by_label("Technology company").check()
    page.get_by_label("Country").select_option("GB")
    fill_about_you(page)
    page.get_by_label("I agree that the Alliance may keep", exact=False).check()
    send_like_a_person(page)

    page.go_back()

    assert page.get_by_label("Organisation name").input_value() == ""
    assert not page.get_by_label("Technology company").is_checked()
    assert not page.get_by_label("I agree that the Alliance may keep", exact=False).is_checked()
    page.get_by_role("button", name="Send").click()  # at once, as the person who pressed Back did
    page.wait_for_selector(".error-summary")
    summary = page.locator(".error-summary").inner_text()
    assert "Enter the name of your organisation" in summary and "sent too quickly" not in summary
    assert MembershipEnquiry.objects.count() == 1


def test_back_from_another_page_keeps_what_was_typed(initial_content, visit):
    page = visit("/membership/")
    page.get_by_label("Organisation name").fill("Example Technologies")
    page.get_by_role("link", name="read the privacy notice").click()
    page.wait_for_load_state()
    page.go_back()
    assert page.get_by_label("Organisation name").input_value() == "Example Technologies"


def error_summary_in_view(page):
    """The summary's top and its heading are inside the window, clear of the sticky quick-exit bar."""
    return page.evaluate(
        """() => {
            const summary = document.querySelector('.error-summary').getBoundingClientRect();
            const heading = document.querySelector('#error-summary-title').getBoundingClientRect();
            const bar = document.querySelector('.quick-exit-bar').getBoundingClientRect();
            return summary.top >= Math.max(0, bar.bottom) && heading.bottom <= window.innerHeight;
        }"""
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_phone_applicant_who_makes_a_mistake_sees_the_error_summary_first(
    initial_content, live_server, new_context, javascript
):
    page = new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(live_server.url + "/membership/")
    page.get_by_label("Organisation name").fill("Ministry of the Interior")
    page.get_by_label("Your e-mail address").fill("amina-at-example.org")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()

    assert page.title().startswith("Error:")
    assert error_summary_in_view(page)
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary = page.locator(".error-summary")
    assert "Your e-mail address: Enter an e-mail address in the right format" in summary.inner_text()
    summary.get_by_role("link", name="Enter an e-mail address in the right format").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert page.get_by_label("Your e-mail address").is_visible()


def test_axe_finds_nothing_on_the_membership_page_with_and_without_errors(initial_content, visit):
    page = visit("/membership/")
    assert_accessible(page)
    page.get_by_label("Regional organisation").check()  # the revealed questions too
    assert_accessible(page)
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".error-summary")
    assert_accessible(page)
    page.get_by_role("link", name="Enter your full name").click()
    assert page.evaluate("document.activeElement.id") == "id_contact_name"
