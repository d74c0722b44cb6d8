"""The chosen country is only ever in the address: no cookie, no session, no log, no database write.
And the finder's pages are served from the page cache like any public page, fresh after an edit."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.snippets.models import get_snippet_models

from helpfinder.models import Service
from tests.factories.helpfinder import HelpFinderPageFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finder(home_page):
    ServiceFactory(country="KE", name="Childline Kenya")
    return HelpFinderPageFactory(parent=home_page)


def test_choosing_a_country_leaves_no_trace_but_the_address(client, finder, caplog):
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        choice = client.get("/how-to-report-abuse/?country=kenya")
        country_page = client.get(choice["Location"])

    assert choice["Location"] == "/how-to-report-abuse/kenya/"
    assert "Childline Kenya" in country_page.content.decode()
    assert not choice.cookies and not country_page.cookies and not client.cookies
    writes = [query["sql"] for query in queries if query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    mentions = [record.getMessage() for record in caplog.records if "kenya" in record.getMessage().lower()]
    assert mentions == []


def test_a_country_page_is_served_from_the_page_cache(client, finder, django_assert_num_queries):
    first = client.get("/how-to-report-abuse/kenya/")
    assert "public" in first["Cache-Control"]

    with django_assert_num_queries(0):
        again = client.get("/how-to-report-abuse/kenya/")
    assert again.content == first.content


@pytest.mark.skipif(
    Service not in get_snippet_models(), reason="Service is made a snippet by the services admin (wagtail_hooks)"
)
def test_saving_a_service_shows_on_the_next_request(client, finder):
    client.get("/how-to-report-abuse/kenya/")
    service = finder.services_for("KE")[0]

    service.name = "Childline Kenya 116"
    service.save()

    assert "Childline Kenya 116" in client.get("/how-to-report-abuse/kenya/").content.decode()
