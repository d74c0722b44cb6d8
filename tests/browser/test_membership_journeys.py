"""Prospective members and the membership team, in a real browser."""

import time

import pytest

from membership.forms import MINIMUM_SECONDS_TO_FILL
from membership.models import Kind, MembershipEnquiry
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait_like_a_person():
    time.sleep(MINIMUM_SECONDS_TO_FILL)


def type_into(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def test_a_technology_company_registers_interest_with_the_keyboard_only(initial_content, visit):
    page = visit("/membership/")
    type_into(page, "Organisation name", "Example Technologies")
    page.keyboard.press("Tab")  # to the type of organisation
    page.keyboard.type("Tech")  # a select chooses by typing
    page.keyboard.press("Tab")
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


def test_a_government_requests_membership_while_paused(initial_content, visit):
    page = visit("/membership/")
    page.get_by_label("Organisation name").fill("Ministry of the Interior")
    page.get_by_label("Type of organisation").select_option("government")
    page.get_by_label("Country").select_option("KE")
    page.get_by_label("Your full name").fill("Amina Odhiambo")
    page.get_by_label("Your job title").fill("Director of Cyber Policy")
    page.get_by_label("Your e-mail address").fill("amina@example.org")
    page.get_by_label("Senior lead's name").fill("Hon. J. Kamau")
    page.get_by_label("Senior lead's role").fill("Cabinet Secretary")
    page.get_by_label("Working-level contact's name").fill("P. Wanjiru")
    page.get_by_label("Working-level contact's e-mail address").fill("p.wanjiru@example.org")
    page.get_by_label("I have read the member commitments", exact=False).check()
    page.get_by_label("I agree that the Alliance may keep", exact=False).check()
    wait_like_a_person()
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/confirmation/**")
    assert page.get_by_role("heading", name="Membership request received").is_visible()
    assert MembershipEnquiry.objects.get().kind == Kind.APPLICATION


def test_axe_finds_nothing_on_the_membership_page_with_and_without_errors(initial_content, visit):
    page = visit("/membership/")
    assert_accessible(page)
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".error-summary")
    assert_accessible(page)
    page.get_by_role("link", name="Enter your full name").click()
    assert page.evaluate("document.activeElement.id") == "id_contact_name"
