"""Reflow (WCAG 1.4.10): at 320 px wide, what a 1280 px screen shows at 400% zoom, no page
of the site scrolls sideways."""

import pytest
from wagtail.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARROW = {"width": 320, "height": 640}


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_page_scrolls_sideways_at_320_px(initial_content, live_server, page):
    page.set_viewport_size(NARROW)
    paths = [each.get_url() for each in Page.objects.descendant_of(initial_content, inclusive=True).live()]
    paths += ["/search/", "/search/?q=children", "/no-such-page/"]
    assert len(paths) > 40  # every page load_initial_content builds

    too_wide = {}
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.status == (404 if path == "/no-such-page/" else 200), path
        if page_width(page) > NARROW["width"]:
            too_wide[path] = page_width(page)

    assert too_wide == {}


def test_the_membership_form_with_its_errors_and_the_open_menu_fit_320_px(initial_content, live_server, page):
    page.set_viewport_size(NARROW)
    page.goto(live_server.url + "/membership/")
    page.get_by_label("Regional organisation").check()  # the questions it reveals too
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".error-summary")
    assert page_width(page) <= NARROW["width"]

    page.get_by_role("button", name="Menu").click()

    assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Resources").is_visible()
    assert page_width(page) <= NARROW["width"]
