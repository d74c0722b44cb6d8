"""What comes before the content, in a real browser at a phone's width and a desktop's:
the quick exit that never scrolls away, the menu that folds on a phone, named landmarks."""

import re

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [320, 375, 1280]
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


def uncovered(page, selector):
    """The element is inside the window and nothing lies over its middle."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            const box = element.getBoundingClientRect();
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return box.top >= 0 && box.bottom <= window.innerHeight && element.contains(top);
        }""",
        selector,
    )


def focus_clear_of_the_exit_bar(page):
    """The focused element is below the sticky quick-exit bar and above the window's bottom."""
    return page.evaluate(
        """() => {
            const box = document.activeElement.getBoundingClientRect();
            const bar = document.querySelector('.quick-exit-bar').getBoundingClientRect();
            return box.top >= bar.bottom && box.bottom <= window.innerHeight;
        }"""
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_quick_exit_stays_in_view_at_the_bottom_of_a_long_page(initial_content, visit, page, width):
    page.set_viewport_size({"width": width, "height": 700})
    visit("/membership/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert uncovered(page, ".skip-link")  # shown above the exit bar, not under it

    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")

    assert page.evaluate("window.scrollY") > 1500
    assert uncovered(page, "[data-quick-exit]")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_field_reached_from_below_is_not_hidden_under_the_exit_bar(initial_content, visit, page, width):
    page.set_viewport_size({"width": width, "height": 700})
    page = visit("/membership/")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()  # the summary's script (deferred) handles the link, not the browser
    summary = page.locator(".error-summary")
    summary.get_by_role("link", name="Enter your full name").click()
    assert page.evaluate("document.activeElement.id") == "id_contact_name"
    assert page.evaluate(
        """() => document.querySelector("label[for='id_contact_name']").getBoundingClientRect().top
                 >= document.querySelector('.quick-exit-bar').getBoundingClientRect().bottom"""
    )

    page.get_by_role("button", name="Send").focus()
    for _ in range(12):  # back up the form with the keyboard: each field scrolls in from above
        page.keyboard.press("Shift+Tab")
        assert focus_clear_of_the_exit_bar(page), page.evaluate("document.activeElement.outerHTML")


def main_menu(page):
    return page.get_by_role("navigation", name="Main")


def test_on_a_phone_the_menu_folds_behind_a_menu_button(initial_content, visit, page):
    page.set_viewport_size(PHONE)
    visit("/about/")
    button = main_menu(page).get_by_role("button", name="Menu")
    menu = page.locator("#" + button.get_attribute("aria-controls"))
    assert button.get_attribute("aria-expanded") == "false"
    assert menu.is_hidden()
    assert main_menu(page).bounding_box()["height"] < 70  # was about 215 px before any content

    button.click()

    assert button.get_attribute("aria-expanded") == "true"
    assert main_menu(page).get_by_role("link").count() >= 6
    assert main_menu(page).get_by_role("link", name="Membership").is_visible()
    assert_accessible(page)

    button.click()

    assert button.get_attribute("aria-expanded") == "false"
    assert menu.is_hidden()
    assert_accessible(page)


def test_on_a_phone_the_keyboard_opens_the_menu_and_escape_closes_it(initial_content, visit, page):
    page.set_viewport_size(PHONE)
    visit("/about/")
    button = main_menu(page).get_by_role("button", name="Menu")
    for _ in range(10):  # skip link, quick exit, home, search...
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Menu":
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "main-menu"

    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#main-menu') !== null")

    page.keyboard.press("Escape")

    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.textContent") == "Menu"
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "true"


def test_on_a_phone_without_javascript_every_menu_link_shows_and_the_keyboard_reaches_it(
    initial_content, live_server, new_context
):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(live_server.url + "/about/")
    assert main_menu(page).get_by_role("button").count() == 0  # no button that could not work
    links = main_menu(page).get_by_role("link")
    titles = links.all_inner_texts()
    assert len(titles) >= 6 and all(link.is_visible() for link in links.all())

    reached = set()
    for _ in range(15):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate("document.activeElement.closest('#main-menu') ? document.activeElement.textContent : ''")
        )

    assert set(titles) <= reached


def test_on_a_desktop_the_menu_shows_in_one_row_without_a_button(initial_content, visit, page):
    page.set_viewport_size(PHONE)  # a phone turned sideways, or a window made wider
    visit("/about/")
    page.set_viewport_size(DESKTOP)

    assert main_menu(page).get_by_role("button").count() == 0
    links = main_menu(page).get_by_role("link").all()
    assert len(links) >= 6 and all(link.is_visible() for link in links)
    assert len({link.bounding_box()["y"] for link in links}) == 1
    assert_accessible(page)


LANDMARK = re.compile(r'^\s*- (banner|complementary|contentinfo|form|main|navigation|region|search)(?: "(.*)")?:?$')


def landmarks(page):
    """Each landmark as the browser's accessibility tree names it: (role, name)."""
    lines = page.locator("body").aria_snapshot().splitlines()
    return [match.groups(default="") for match in map(LANDMARK.match, lines) if match]


@pytest.mark.parametrize("path", ["/about/", "/what-members-do/", "/resources/", "/"])
def test_every_aside_and_search_landmark_has_a_name_of_its_own(initial_content, visit, page, path):
    visit(path)
    found = landmarks(page)

    named = [(role, name) for role, name in found if role in ("complementary", "search", "navigation", "region")]
    assert all(name for _, name in named), found
    assert len(set(named)) == len(named), found
    assert ("search", "Site search") in found
    assert_accessible(page)
