"""A visitor finding their way through the MNR and the library, in a real browser."""

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_to_the_framework_pdf_then_a_capability_and_a_publications_official_page(initial_content, visit):
    page = visit("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Model National Response").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the Model National Response as a PDF").click()
    assert download.value.suggested_filename == "model-national-response.pdf"
    assert open(download.value.path(), "rb").read(4) == b"%PDF"

    page.get_by_role("link", name="Criminal Justice").click()
    page.get_by_role("main").get_by_role("link", name="Dedicated law enforcement").click()
    assert page.get_by_role("heading", level=1).inner_text() == "4. Dedicated law enforcement"
    page.get_by_role("region", name="Related resources").get_by_role("link").first.click()
    official = page.get_by_role("region", name="Where to read it").get_by_role("link")
    assert official.get_attribute("href").startswith("https://")
    assert official.evaluate("link => link.textContent") == "Read it on weprotect.org (leaves this site)"


def test_filtering_the_library_by_type_and_year(initial_content, visit):
    page = visit("/resources/")  # at Playwright's 1280 px: the filters are open
    page.get_by_label("Type").select_option("report")
    page.get_by_label("Year").select_option("2021")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/resources/?*type=report*")
    assert "year=2021" in page.url
    assert page.locator(".results h2").all_inner_texts() == ["Global Threat Assessment 2021"]
    assert "1 resource match your filters" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="Clear filters").click()
    assert len(page.locator(".results h2").all_inner_texts()) == 12


def first_result_top(page):
    return page.locator(".results li").first.bounding_box()["y"] + page.evaluate("window.scrollY")


def test_on_a_phone_the_filters_fold_so_the_first_result_comes_early(initial_content, visit):
    page = visit("/resources/")
    page.set_viewport_size({"width": 375, "height": 812})
    page.reload()
    disclosure = page.locator("details.library-filters-disclosure")
    assert disclosure.get_attribute("open") is None
    folded = first_result_top(page)
    box = disclosure.bounding_box()
    assert folded - (box["y"] + box["height"]) < 100  # only the count between the folded filters and the results
    assert_accessible(page)

    page.get_by_text("Filter resources").click()  # as the filters stood before: all of them first
    unfolded = first_result_top(page)
    assert unfolded - folded > 500
    print(f"375 px: first result at {folded:.0f} px folded, {unfolded:.0f} px unfolded")

    page.get_by_label("Type").select_option("report")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/resources/?*type=report*")
    assert page.locator("details.library-filters-disclosure").get_attribute("open") == ""  # a filter is on: open
    assert page.get_by_label("Type").is_visible()
    assert_accessible(page)


def test_on_a_wide_screen_the_filters_stay_open(initial_content, visit):
    page = visit("/resources/")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    assert page.get_by_label("Type").is_visible()
    top = first_result_top(page)
    assert top < 800
    print(f"1280 px: first result at {top:.0f} px with the filters open")
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "/model-national-response/",
        "/model-national-response/criminal-justice/",
        "/model-national-response/criminal-justice/dedicated-law-enforcement/",
        "/resources/",
        "/resources/?type=report&year=2023",
        "/resources/global-threat-assessment-2023/",
        "/membership/",
    ],
)
def test_axe_finds_nothing_on_the_mnr_and_library_pages(initial_content, visit, path):
    page = visit(path)
    assert_accessible(page)
