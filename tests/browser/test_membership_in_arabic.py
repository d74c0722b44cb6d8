"""Issue 16: a visitor sends the membership form in Arabic on a phone, and the membership team
sees the entry in the register, marked Arabic."""

import time

import pytest

from membership.forms import MINIMUM_SECONDS_TO_FILL
from membership.models import Kind, MembershipEnquiry
from tests.browser.conftest import assert_accessible
from tests.catalogues import compiled_catalogues
from tests.factories.membership import MembershipPageFactory, published_translation, team_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 667}
LAPTOP = {"width": 1280, "height": 800}
REGISTER = "/admin/membership/membershipenquiry/"


@pytest.fixture(autouse=True)
def arabic_interface(tmp_path):
    with compiled_catalogues(tmp_path):
        yield


@pytest.fixture
def arabic_membership_page(home_page):
    """The membership page translated into Arabic by an editor (its text still the English)."""
    return published_translation(MembershipPageFactory(parent=home_page), "ar")


def on_one_line(locator):
    """Text wrapped over several lines is drawn as several boxes."""
    return locator.evaluate("element => element.getClientRects().length") == 1


def test_a_phone_visitor_sends_the_form_in_arabic_and_the_team_sees_it_marked_arabic(
    arabic_membership_page, live_server, new_context, django_user_model
):
    team_member(django_user_model, "maria")
    visitor = new_context(viewport=PHONE).new_page()
    visitor.goto(live_server.url + "/ar/membership/")
    assert visitor.locator("html").get_attribute("dir") == "rtl"
    assert visitor.locator("html").get_attribute("lang") == "ar"
    assert_accessible(visitor)
    example = visitor.locator("#id_phone_helptext [dir=ltr]")  # the telephone number in the hint
    assert example.inner_text() == "+44 20 7946 0000" and on_one_line(example)

    visitor.get_by_label("اسم المنظمة", exact=True).fill("شركة الاتصالات الرقمية")  # organisation name
    visitor.get_by_label("شركة تكنولوجيا", exact=True).check()  # a technology company
    visitor.get_by_label("البلد", exact=True).select_option("AE")  # country
    visitor.get_by_label("اسمك الكامل", exact=True).fill("ليلى حسن")  # your full name
    visitor.get_by_label("مسماك الوظيفي", exact=True).fill("مديرة السلامة على الإنترنت")  # your job title
    visitor.get_by_label("عنوان بريدك الإلكتروني", exact=True).fill("layla@example.org")
    visitor.get_by_label("أوافق على أن يحتفظ التحالف", exact=False).check()  # the privacy notice
    time.sleep(MINIMUM_SECONDS_TO_FILL)  # as long as a person takes
    visitor.get_by_role("button", name="إرسال").click()  # send

    visitor.wait_for_url("**/ar/membership/confirmation/**")
    assert visitor.get_by_role("heading", name="تم تسجيل اهتمامك").is_visible()  # your interest is registered
    entry = MembershipEnquiry.objects.get()
    assert (entry.language, entry.kind, entry.organisation_name) == ("ar", Kind.INTEREST, "شركة الاتصالات الرقمية")
    assert visitor.locator(".reference").inner_text() == entry.reference
    assert on_one_line(visitor.locator(".reference"))  # "WPGA-56BN6KLW" whole, never split at its hyphen
    assert visitor.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing off the screen

    team = new_context(viewport=LAPTOP).new_page()
    team.goto(live_server.url + "/admin/login/")
    team.get_by_label("Username").fill("maria")
    team.get_by_label("Password").fill("a-long-team-password")
    team.get_by_role("button", name="Sign in").click()
    team.wait_for_url("**/admin/")
    team.goto(live_server.url + REGISTER)
    team.get_by_text("Filter the list").click()
    team.get_by_role("link", name="Arabic", exact=True).click()
    row = team.locator("tr", has_text=entry.reference)
    assert row.locator("td.field-language").inner_text() == "Arabic"
    team.goto(f"{live_server.url}{REGISTER}inspect/{entry.pk}/")  # the entry's own page
    language = team.locator("dt", has_text="Language").locator("xpath=following-sibling::dd[1]")
    assert language.inner_text() == "Arabic"
