"""The help finder's public pages: the How to report abuse page with its chooser, and a page per country."""

import re

import pytest

from helpfinder.countries import slugs_by_code
from helpfinder.models import ServiceKind
from tests.factories.helpfinder import HelpFinderPageFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finder(home_page):
    return HelpFinderPageFactory(parent=home_page)


def text_positions(html, *texts):
    return [html.index(text) for text in texts]


def test_the_finder_page_shows_its_introduction_then_the_chooser(client, finder):
    html = client.get("/how-to-report-abuse/").content.decode()

    h1, intro, heading, select = text_positions(
        html,
        "<h1>How to report abuse</h1>",
        '<p class="lead">Where to report abuse',
        "Find help in your country",
        "<select",
    )
    assert h1 < intro < heading < select
    assert '<option value="kenya">Kenya</option>' in html
    assert len(re.findall(r'<option value="[a-z-]+">', html)) == len(slugs_by_code())
    assert 'action="/how-to-report-abuse/"' in html and 'method="get"' in html
    assert "Show services" in html
    assert "quick-exit" in html


def test_choosing_a_country_leads_to_its_page(client, finder):
    response = client.get("/how-to-report-abuse/?country=kenya")

    assert response.status_code == 302
    assert response["Location"] == "/how-to-report-abuse/kenya/"


@pytest.mark.parametrize("value", ["atlantis", ""])
def test_an_unknown_or_missing_country_shows_the_page_again_with_an_error(client, finder, value):
    response = client.get(f"/how-to-report-abuse/?country={value}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert '<a href="#id_country">Choose your country from the list' in html
    assert 'class="form-error" id="id_country_error"' in html


def test_a_country_page_lists_the_emergency_line_then_its_services_by_need_then_the_global_ones(client, finder):
    ServiceFactory(country="KE", kind=ServiceKind.HELPLINE, name="Childline Kenya", phone="116", url="")
    ServiceFactory(
        country="KE", kind=ServiceKind.HOTLINE, name="Kenya Reporting Portal", url="https://report.iwf.org.uk/ke"
    )
    ServiceFactory(country="", kind=ServiceKind.REMOVAL, name="Take It Down", url="https://takeitdown.ncmec.org/")
    ServiceFactory(country="UG", name="Uganda Helpline")

    response = client.get("/how-to-report-abuse/kenya/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Report abuse and get help in Kenya</h1>" in html
    positions = text_positions(
        html,
        "call your local emergency number now",
        "Report sexual images or videos of a child",
        "Kenya Reporting Portal",
        "Talk to someone",
        "Childline Kenya",
        "Services for every country",
        "Take It Down",
        "Choose another country",
    )
    assert positions == sorted(positions)
    assert "Uganda Helpline" not in html
    assert '<a href="tel:116" dir="ltr" class="nowrap">116</a>' in html  # whole, and left to right in Arabic
    assert 'href="https://report.iwf.org.uk/ke" rel="noreferrer">report.iwf.org.uk' in html
    assert '<span class="visually-hidden">: Kenya Reporting Portal</span>' in html
    assert "English and Swahili" in html
    assert '<option value="kenya" selected>Kenya</option>' in html


def test_a_country_page_has_its_own_title_address_description_and_breadcrumbs(client, finder):
    html = client.get("/how-to-report-abuse/kenya/").content.decode()

    assert "<title>Report abuse and get help in Kenya | WePROTECT Global Alliance</title>" in html
    assert '<link rel="canonical" href="http://localhost/how-to-report-abuse/kenya/">' in html
    assert (
        'name="description" content="Where to report the sexual abuse of a child online and where to get help in Kenya'
        in html
    )
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group()
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == ["Home", "How to report abuse", "Kenya"]
    assert "quick-exit" in html


def test_a_country_without_services_says_so_and_lists_the_global_ones(client, finder):
    ServiceFactory(country="", name="Take It Down")

    html = client.get("/how-to-report-abuse/tuvalu/").content.decode()

    assert "We do not list any services for Tuvalu yet" in html
    assert "Take It Down" in html


def test_an_unknown_country_is_not_found(client, finder):
    assert client.get("/how-to-report-abuse/atlantis/").status_code == 404


def test_the_sitemap_lists_every_country_with_services_once(client, finder):
    ServiceFactory.create_batch(2, country="KE", kind=ServiceKind.HOTLINE)
    ServiceFactory(country="KE", kind=ServiceKind.HELPLINE)
    ServiceFactory(country="")

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/how-to-report-abuse/</loc>" in xml
    assert xml.count("<loc>http://localhost/how-to-report-abuse/kenya/</loc>") == 1
    assert "/how-to-report-abuse/tuvalu/" not in xml


@pytest.mark.parametrize("count", [5, 60])
def test_a_country_page_costs_the_same_queries_however_many_services(
    client, finder, count, django_assert_max_num_queries
):
    ServiceFactory.create_batch(count, country="KE")
    ServiceFactory.create_batch(count, country="")
    client.get("/")  # the site's own lookups, as on any earlier visit

    with django_assert_max_num_queries(10) as captured:
        assert client.get("/how-to-report-abuse/kenya/").status_code == 200
    assert len([query for query in captured if "helpfinder_service" in query["sql"]]) == 1
