"""The help finder in a real browser, on a phone: without JavaScript, with type-to-search, and axe-clean."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from resources.models import CapabilityPage
from tests.browser.conftest import assert_accessible
from tests.factories.helpfinder import HelpFinderPageFactory
from tests.test_translations import compiled, needs_gettext  # noqa: F401 - compiled is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 800}


def nothing_about_the_country_is_kept(context):
    """The browser keeps no cookie or storage that names the country chosen."""
    for cookie in context.cookies():
        assert "kenya" not in f"{cookie['name']}={cookie['value']}".lower()
    storage = context.storage_state()
    assert "kenya" not in str(storage["origins"]).lower()


def test_without_javascript_a_visitor_chooses_kenya_and_sees_the_emergency_line_first(
    initial_content, live_server, new_context
):
    context = new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/how-to-report-abuse/")
    page.get_by_label("Your country", exact=True).select_option(label="Kenya")
    page.get_by_role("button", name="Show services").click()

    page.wait_for_url("**/how-to-report-abuse/kenya/")
    main = page.locator("main").inner_text()
    assert main.index("call your local emergency number") < main.index("Services in Kenya")
    expect(page.locator("main a[href^='tel:']").first).to_be_visible()
    expect(page.get_by_role("link", name="Exit this page")).to_be_visible()
    nothing_about_the_country_is_kept(context)


def test_with_javascript_a_visitor_types_ken_picks_kenya_and_submits_by_keyboard(
    initial_content, live_server, new_context
):
    context = new_context(viewport=PHONE)
    page = context.new_page()
    errors = []  # the site's Content Security Policy refusing anything is reported as a console error
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(live_server.url + "/how-to-report-abuse/")
    search = page.get_by_role("combobox", name="Your country")
    search.press_sequentially("ken")
    expect(page.get_by_role("option", name="Kenya")).to_be_visible()
    assert_accessible(page)
    search.press("Enter")  # picks Kenya
    expect(search).to_have_value("Kenya")
    search.press("Enter")  # sends the form

    page.wait_for_url("**/how-to-report-abuse/kenya/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Report abuse and get help in Kenya")
    assert errors == []
    nothing_about_the_country_is_kept(context)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(
    "path", ["/how-to-report-abuse/", "/how-to-report-abuse/kenya/", "/how-to-report-abuse/?country=x"]
)
def test_the_finder_pages_are_accessible(initial_content, visit, page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    visit(path)
    expect(page.get_by_role("combobox", name="Your country")).to_be_visible()
    assert_accessible(page)


def test_the_child_helpline_capability_leads_to_the_finder(initial_content, visit, page):
    page.set_viewport_size(PHONE)
    visit(CapabilityPage.objects.get(slug="child-helpline").url)
    assert_accessible(page)
    page.get_by_role("link", name="Find the services in your country").click()
    page.wait_for_url("**/how-to-report-abuse/")


@needs_gettext
@pytest.mark.usefixtures("compiled")
def test_type_to_search_speaks_arabic(home_page, live_server, new_context):
    """What the country box shows and has read out is the page's language, not the library's English."""
    finder = HelpFinderPageFactory(parent=home_page)
    # A transactional test starts with no locale but English.
    arabic, _ = Locale.objects.get_or_create(language_code="ar")
    finder.copy_for_translation(arabic, copy_parents=True).save_revision().publish()
    page = new_context(viewport=PHONE).new_page()
    page.goto(live_server.url + "/ar/how-to-report-abuse/")
    search = page.get_by_role("combobox", name="بلدك")

    search.press_sequentially("كيني")
    expect(page.get_by_role("option", name="كينيا")).to_be_visible()
    expect(page.locator(".autocomplete__live-region, [role='status']").first).to_contain_text(
        "عدد البلدان المطابقة: 1."
    )
    search.fill("")
    search.press_sequentially("zzz")
    expect(page.locator(".autocomplete__option--no-results")).to_have_text("لا يوجد بلد مطابق")
    assert_accessible(page)
