"""A visitor finding their way through the MNR and the library, in a real browser."""

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_to_a_capability_to_a_resource_and_its_pdf(initial_content, visit):
    page = visit("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Model National Response").click()
    page.get_by_role("link", name="Criminal Justice").click()
    page.get_by_role("main").get_by_role("link", name="Dedicated law enforcement").click()
    assert page.get_by_role("heading", level=1).inner_text() == "4. Dedicated law enforcement"
    page.get_by_role("region", name="Related resources").get_by_role("link").first.click()
    with page.expect_download() as download:
        page.get_by_role("region", name="Download").get_by_role("link").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert open(download.value.path(), "rb").read(4) == b"%PDF"


def test_filtering_the_library_by_type_and_year(initial_content, visit):
    page = visit("/resources/")
    page.get_by_label("Type").select_option("report")
    page.get_by_label("Year").select_option("2019")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/resources/?*type=report*")
    assert "year=2019" in page.url
    results = page.locator(".results h2").all_inner_texts()
    assert results == ["Global Threat Assessment 2019"]
    assert "1 resource match your filters" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="Clear filters").click()
    assert len(page.locator(".results h2").all_inner_texts()) == 11


@pytest.mark.parametrize(
    "path",
    [
        "/model-national-response/",
        "/model-national-response/criminal-justice/",
        "/model-national-response/criminal-justice/dedicated-law-enforcement/",
        "/resources/",
        "/resources/?type=report&year=2019",
        "/resources/global-threat-assessment-2019/",
        "/membership/",
    ],
)
def test_axe_finds_nothing_on_the_mnr_and_library_pages(initial_content, visit, path):
    page = visit(path)
    assert_accessible(page)
