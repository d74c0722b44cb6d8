"""A visitor in a real browser: accessibility, the quick exit, keyboard use, same-origin only."""

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import assert_accessible
from website.models import SiteSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_TYPES = {
    "home": "/",
    "standard": "/about/",
    "how to report abuse": "/how-to-report-abuse/",
    "search": "/search/?q=children",
    "not found": "/missing/",
}


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_nothing_on_each_page_type(initial_content, visit, page, kind, width):
    page.set_viewport_size({"width": width, "height": 900})
    visit(PAGE_TYPES[kind])
    assert_accessible(page)


@pytest.fixture
def neutral_site(initial_content, live_server):
    """The network is closed, so the quick exit goes to a neutral page on the test server."""
    site_settings = SiteSettings.for_site(initial_content.get_site())
    site_settings.quick_exit_url = live_server.url + "/robots.txt"
    site_settings.save()
    return site_settings.quick_exit_url


def test_quick_exit_button_leaves_and_back_does_not_return(neutral_site, live_server, page):
    page.goto(live_server.url + "/sitemap.xml")  # where the visitor was before
    page.goto(live_server.url + "/how-to-report-abuse/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(neutral_site)
    page.go_back()
    assert "/how-to-report-abuse/" not in page.url


def test_pressing_shift_three_times_leaves(neutral_site, live_server, page):
    page.goto(live_server.url + "/sitemap.xml")
    page.goto(live_server.url + "/about/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(neutral_site)
    page.go_back()
    assert "/about/" not in page.url


def test_the_quick_exit_is_reached_right_after_the_skip_link(initial_content, visit):
    page = visit("/about/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Exit this page"


def test_the_keyboard_reaches_every_menu_item(initial_content, visit):
    page = visit("/")
    menu = [link.inner_text() for link in page.locator("nav[aria-label=Main] a").all()]
    assert len(menu) >= 4
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "document.activeElement.closest('nav[aria-label=Main]') ? document.activeElement.textContent : ''"
            )
        )
    assert set(menu) <= reached


def test_no_request_leaves_the_sites_own_origin(initial_content, live_server, page):
    origin = urlparse(live_server.url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/about/", "/search/?q=hotline"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    elsewhere = [
        url for url in requested if urlparse(url).scheme in {"http", "https"} and urlparse(url).netloc != origin
    ]
    assert requested and not elsewhere
