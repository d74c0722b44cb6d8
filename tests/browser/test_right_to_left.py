"""Arabic, right to left, in a real browser at a phone's width and a desktop's: the pages a
visitor most needs are dir="rtl" and axe-clean, and the layout really mirrors (the quick exit,
the menu, the breadcrumbs, the form and the finder's list of countries), while English stays
as it was."""

import io

import pytest
from PIL import Image
from wagtail.models import Page

from tests.browser.conftest import assert_accessible
from tests.factories.translations import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [375, 1280]
PAGES = ["/", "/how-to-report-abuse/", "/how-to-report-abuse/kenya/", "/membership/", "/privacy/"]
PREFIX = {"en": "", "ar": "/ar"}
# A text's box starts a pixel or two inside its line, by the first letter's own margin.
BEARING = 3


@pytest.fixture
def arabic_pages(initial_content):
    """The home page, How to report abuse (the finder), Membership and Privacy in Arabic."""
    for slug in ["how-to-report-abuse", "membership", "privacy"]:
        translate(Page.objects.get(url_path=f"{initial_content.url_path}{slug}/").specific, "ar")
    return initial_content


def along_the_line(page, language, selector):
    """Where the element starts and ends, measured from where a line of text starts: the left
    edge of the window in English, the right edge in Arabic."""
    box = page.locator(selector).first.bounding_box()
    width = page.viewport_size["width"]
    if language == "en":
        return box["x"], box["x"] + box["width"]
    return width - box["x"] - box["width"], width - box["x"]


def text_along_the_line(page, language, selector):
    """The same for the element's text itself, not its box (a label's box is as wide as the form)."""
    box = page.evaluate(
        """(selector) => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const box = range.getBoundingClientRect();
            return {x: box.x, width: box.width};
        }""",
        selector,
    )
    width = page.viewport_size["width"]
    return (
        (box["x"], box["x"] + box["width"])
        if language == "en"
        else (width - box["x"] - box["width"], width - box["x"])
    )


def arrow_points(page):
    """Which way the breadcrumbs' arrow before the second crumb points, as seen on the screen: its
    tip is its ink on its middle row, at the left of a "‹" and at the right of a "›"."""
    crumb, words = page.evaluate(
        """() => {
            const crumb = document.querySelector('.breadcrumbs li + li');
            const range = document.createRange();
            range.selectNodeContents(crumb);  // its words, without the arrow drawn before them
            const box = (rect) => ({x: rect.x, y: rect.y, right: rect.right, height: rect.height});
            return [box(crumb.getBoundingClientRect()), box(range.getBoundingClientRect())];
        }"""
    )
    # The arrow lies between the crumb's start edge and its words.
    x, right = (crumb["x"], words["x"]) if words["x"] > crumb["x"] + 1 else (words["right"], crumb["right"])
    clip = {"x": x, "y": crumb["y"], "width": right - x, "height": crumb["height"]}
    image = Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("L")
    ink = [(x, y) for x in range(image.width) for y in range(image.height) if image.getpixel((x, y)) < 180]
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    middle = (min(ys) + max(ys)) / 2
    tip = [x for x, y in ink if abs(y - middle) <= 1]
    return "left" if sum(tip) / len(tip) < (min(xs) + max(xs)) / 2 else "right"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_arabic_pages_are_right_to_left_and_axe_finds_nothing(arabic_pages, visit, page, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit("/ar" + path)

    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    # Nothing sticks out past the left edge, where a right-to-left page would scroll to show it.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_quick_exit_sits_at_the_end_of_the_line_and_the_name_at_its_start(
    arabic_pages, visit, page, language, width
):
    page.set_viewport_size({"width": width, "height": 800})
    visit(PREFIX[language] + "/membership/")

    exit_starts, exit_ends = along_the_line(page, language, "[data-quick-exit]")
    assert width - exit_ends < exit_starts  # nearer the end: the right in English, the left in Arabic
    brand_starts, brand_ends = along_the_line(page, language, ".brand")
    assert brand_starts < width - brand_ends
    if width < 640:  # the phone's "Menu" button, at the start of its line like the name above it
        menu_starts, _ = along_the_line(page, language, ".main-nav__toggle")
        assert menu_starts == pytest.approx(brand_starts, abs=1)
        page.locator(".main-nav__toggle").click()
    links = [along_the_line(page, language, f"#main-menu li:nth-child({n}) a") for n in (1, 2)]
    assert links[0][0] == pytest.approx(brand_starts, abs=1)  # the first at the start, the next after it
    assert links[0][1] < links[1][0]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_breadcrumbs_and_the_form_run_from_the_start_of_the_line(arabic_pages, visit, page, language, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(PREFIX[language] + "/membership/")
    home, here = (along_the_line(page, language, f".breadcrumbs li:nth-child({n})") for n in (1, 2))
    assert home[1] < here[0]  # Home first, then the page: right to left in Arabic
    assert arrow_points(page) == {"en": "right", "ar": "left"}[language]  # from Home to the page

    page.locator(".membership-form button[type='submit']").click()
    page.wait_for_selector(".error-summary")

    field_starts, _ = along_the_line(page, language, "#id_contact_name")
    label_starts, _ = text_along_the_line(page, language, "label[for='id_contact_name']")
    assert label_starts == pytest.approx(field_starts, abs=BEARING)  # right-aligned above the field in Arabic
    # The red bar that marks a question with an error runs down its start edge.
    bar_side = {"en": "borderLeftWidth", "ar": "borderRightWidth"}[language]
    group = ".form-group--error:has(#id_contact_name)"
    assert page.evaluate(f'getComputedStyle(document.querySelector("{group}")).{bar_side}') == "5px"
    question_starts, _ = text_along_the_line(
        page, language, "fieldset:has(> .radios [name='organisation_type']) > legend"
    )
    radio_starts, radio_ends = along_the_line(page, language, "input[name='organisation_type']")
    choice_starts, _ = text_along_the_line(page, language, "input[name='organisation_type'] + label")
    assert radio_starts == pytest.approx(question_starts, abs=BEARING)  # under the question's first word
    assert radio_ends < choice_starts  # the button, then its label
    # An e-mail address is written left to right in Arabic too.
    assert page.evaluate("getComputedStyle(document.querySelector('#id_email')).direction") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_finders_list_of_countries_opens_under_its_field(arabic_pages, visit, page, language, width):
    page.set_viewport_size({"width": width, "height": 800})
    visit(PREFIX[language] + "/how-to-report-abuse/kenya/")
    kenya = page.locator(
        ".country-chooser select option[value='kenya']"
    ).first.text_content()  # in the page's language
    page.get_by_role("combobox").first.fill(kenya[:3])
    page.get_by_role("option", name=kenya).wait_for()

    field_starts, field_ends = along_the_line(page, language, "input[role='combobox']")
    menu_starts, menu_ends = along_the_line(page, language, ".autocomplete__menu")
    assert menu_starts == pytest.approx(field_starts, abs=1)
    assert menu_ends <= field_ends
