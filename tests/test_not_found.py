"""Under `make run` (website.settings.dev, DEBUG on) a missing page is the site's own 404 page,
as in production, and what Django's debug page would have said goes to the server log."""

import logging

import pytest
from wagtail.contrib.redirects.models import Redirect

from tests.factories.home import StandardPageFactory

DEBUG_PAGE_WORDS = "DEBUG = True"  # Django's technical 404 page says why it is showing


@pytest.fixture
def debug(settings, caplog):
    settings.DEBUG = True
    caplog.set_level(logging.WARNING, logger="website.middleware")
    return caplog


def assert_site_not_found_page(response):
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html
    assert "Exit this page" in html and 'aria-label="Main"' in html  # the site's own page: quick exit, menu
    assert DEBUG_PAGE_WORDS not in html


def test_a_missing_page_shows_the_sites_own_404_page_and_logs_why(debug, client, home_page):
    response = client.get("/no-such-page/")

    assert_site_not_found_page(response)
    assert "Not found: /no-such-page/ (wagtail_serve raised Http404" in debug.text


def test_an_address_no_url_matches_shows_the_sites_own_404_page_and_logs_why(debug, client, home_page):
    response = client.get("/wp-login.php")

    assert_site_not_found_page(response)
    assert "Not found: /wp-login.php (no URL pattern matches it)" in debug.text


def test_a_missing_image_shows_the_sites_own_404_page(debug, client, home_page):
    response = client.get("/media/images/no-such-picture.png")

    assert_site_not_found_page(response)
    assert "image_rendition raised Http404" in debug.text


def test_a_missing_slash_and_an_editors_redirect_still_redirect_and_log_nothing(debug, client, home_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    Redirect.add_redirect("/about-us.html", redirect_to=about)

    assert client.get("/about")["Location"] == "/about/"
    assert client.get("/about-us.html")["Location"] == "/about/"
    assert "Not found" not in debug.text


def test_without_debug_the_page_is_the_same_and_nothing_is_logged(client, home_page, caplog):
    caplog.set_level(logging.WARNING)

    assert_site_not_found_page(client.get("/no-such-page/"))
    assert "/no-such-page/" not in caplog.text  # a visitor's path stays out of production logs
