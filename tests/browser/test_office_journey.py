"""An office where several colleagues send the membership form from one network address."""

import time

import pytest
from django.test import Client

from membership.forms import MINIMUM_SECONDS_TO_FILL
from membership.models import MembershipEnquiry
from membership.views import RATE_LIMIT
from tests.browser.conftest import assert_accessible
from tests.factories.membership import form_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Staff of different organisations sharing one building's network.
COLLEAGUES = [
    ("Example Technologies", "Sam Taylor", "sam@example.org"),
    ("Safer Web Foundation", "Jo Rivera", "jo@example.org"),
    ("Northern Payments", "Alex Morgan", "alex@example.org"),
]
LAST_ONE = ("Child Online Helpline", "Amina Odhiambo", "amina@example.org")


def open_form(browser, live_server, width=1280):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}/membership/")
    return page


def fill_in(page, organisation, name, email):
    page.get_by_label("Organisation name").fill(organisation)
    page.get_by_label("Technology company").check()
    page.get_by_label("Country").select_option("GB")
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Your job title").fill("Head of Policy")
    page.get_by_label("Your e-mail address").fill(email)
    page.get_by_label("Your message (optional)").fill(f"{organisation} would like to join.")
    page.get_by_label("I agree that the Alliance may keep", exact=False).check()


def send(page):
    page.get_by_role("button", name="Send").click()


def test_colleagues_on_one_network_all_get_through_and_the_limit_keeps_what_was_typed(
    initial_content, live_server, browser, monkeypatch
):
    pages = [open_form(browser, live_server) for _ in COLLEAGUES]
    for page, colleague in zip(pages, COLLEAGUES, strict=True):
        fill_in(page, *colleague)
    time.sleep(MINIMUM_SECONDS_TO_FILL)  # they take their time, as people do
    for page in pages:
        send(page)
        page.wait_for_url("**/confirmation/**")
        assert page.get_by_role("heading", name="Your interest is registered").is_visible()
    assert MembershipEnquiry.objects.count() == len(COLLEAGUES)

    # The rest of the hour's allowance from the same address (127.0.0.1, as the browser's),
    # sent without a browser to keep the test quick.
    for number in range(RATE_LIMIT - len(COLLEAGUES)):
        Client().post("/membership/", form_data(email=f"colleague{number}@example.org"), REMOTE_ADDR="127.0.0.1")
    assert MembershipEnquiry.objects.count() == RATE_LIMIT

    page = open_form(browser, live_server, width=375)
    fill_in(page, *LAST_ONE)
    time.sleep(MINIMUM_SECONDS_TO_FILL)
    send(page)

    summary = page.locator(".error-summary")
    summary.wait_for()
    assert f"You have sent {RATE_LIMIT} forms in the last hour from this network" in summary.inner_text()
    assert "you can send this form after" in summary.inner_text()
    assert page.get_by_label("Organisation name").input_value() == "Child Online Helpline"
    assert page.get_by_label("Your e-mail address").input_value() == "amina@example.org"
    assert page.get_by_label("Your message (optional)").input_value() == "Child Online Helpline would like to join."
    assert page.get_by_label("Technology company").is_checked()
    assert page.get_by_label("I agree that the Alliance may keep", exact=False).is_checked()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # readable at 375 px
    assert_accessible(page)

    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 61 * 60)  # the hour is over
    send(page)  # nothing typed again

    page.wait_for_url("**/confirmation/**")
    assert (
        MembershipEnquiry.objects.get(email="amina@example.org").message == "Child Online Helpline would like to join."
    )
