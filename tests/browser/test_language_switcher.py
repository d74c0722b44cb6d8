"""The language switcher in a real browser: reached by keyboard, large enough for a finger,
never pushing the header off a phone's screen, and free of accessibility faults."""

import pytest
from wagtail.models import Page

from tests.browser.conftest import assert_accessible
from tests.factories.translations import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [320, 1280])
def test_the_switcher_leads_to_the_arabic_page_by_keyboard(initial_content, visit, page, width):
    about = Page.objects.get(url_path="/home/about/").specific
    for language in ("fr", "es", "ar"):
        translate(about, language)
    page.set_viewport_size({"width": width, "height": 800})
    visit("/about/")

    links = page.locator(".language-switcher a")
    assert links.all_inner_texts() == ["English", "français", "español", "العربيّة"]
    for box in (link.bounding_box() for link in links.all()):
        assert box["height"] >= 44 and box["width"] >= 24
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing sideways
    assert_accessible(page)

    page.locator(".language-switcher a[lang=ar]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ar/about/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".language-switcher a[aria-current=page]").inner_text() == "العربيّة"
    assert_accessible(page)
