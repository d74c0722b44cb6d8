"""The finder where a visitor may need it: the home page, the 404 page and some capabilities; and every
country's page of the site as `load_initial_content` builds it."""

import pytest

from helpfinder import content
from helpfinder.countries import slugs_by_code
from helpfinder.models import Service
from resources.models import CapabilityPage
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_country_page_renders_within_the_same_query_budget(
    client, initial_content, django_assert_max_num_queries
):
    assert Service.objects.exclude(country="").exists()
    client.get("/how-to-report-abuse/")  # warms the site's lookups, as any earlier visit does
    for slug in slugs_by_code().values():
        with django_assert_max_num_queries(10):
            response = client.get(f"/how-to-report-abuse/{slug}/")
        assert response.status_code == 200, slug


def test_a_country_with_services_lists_them(client, initial_content):
    kenya = Service.objects.filter(country="KE").first()
    assert kenya is not None
    html = client.get("/how-to-report-abuse/kenya/").content.decode()
    assert kenya.name.replace("&", "&amp;") in html
    assert "We do not list any services for Kenya" not in html


def test_the_home_page_offers_the_finder(client, initial_content):
    html = client.get("/").content.decode()
    assert "Report abuse and get help where you are" in html
    assert 'action="/how-to-report-abuse/"' in html
    assert '<option value="kenya">Kenya</option>' in html


def test_the_home_page_stays_within_its_query_budget(client, initial_content, django_assert_max_num_queries):
    client.get("/")  # warms the site's lookups
    # Another address, so the page is rendered again rather than served from the page cache; the
    # finder is found in the same query as the site's other sections.
    with django_assert_max_num_queries(10):
        assert client.get("/?from=newsletter").status_code == 200


def test_the_not_found_page_offers_the_finder(client, initial_content):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<a href="/how-to-report-abuse/">How to report abuse</a>' in html
    assert 'action="/how-to-report-abuse/"' in html


@pytest.mark.parametrize(
    "slug", ["child-helpline", "csea-hotline", "offender-support-systems", "takedown-procedures", "csea-reporting"]
)
def test_capabilities_on_helplines_hotlines_and_reporting_link_to_the_finder(client, initial_content, slug):
    capability = CapabilityPage.objects.get(slug=slug)
    assert capability.links_to_help_finder
    html = client.get(capability.url).content.decode()
    assert '<a href="/how-to-report-abuse/">Find the services in your country</a>' in html


def test_other_capabilities_do_not(client, initial_content):
    capability = CapabilityPage.objects.get(number=1)
    assert not capability.links_to_help_finder
    assert "Find the services in your country" not in client.get(capability.url).content.decode()


def test_the_earlier_report_abuse_address_leads_to_the_finder(client, home_page):
    StandardPageFactory(parent=home_page, slug="report-abuse", title="How to report abuse")

    content.build(home_page)

    response = client.get("/report-abuse/")
    assert response.status_code == 301
    assert response["Location"].endswith("/how-to-report-abuse/")
