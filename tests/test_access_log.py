"""The server's access log keeps no search, no help finder country and no referrer."""

import io
import logging
from datetime import timedelta

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from gunicorn.config import Config

from tests.factories.helpfinder import HelpFinderPageFactory
from website.access_log import LOG_PATH_ENVIRON, AccessLogPathMiddleware, PrivateAccessLogger, log_as


class SentResponse:
    status = "200 OK"
    headers = [("Content-Type", "text/html")]
    sent = 5120


def access_line(environ, request_headers=()):
    """The line gunicorn writes to its access log, in its default format, for a request."""
    config = Config()
    logger = PrivateAccessLogger(config)
    environ = {"REQUEST_METHOD": "GET", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", **environ}
    atoms = logger.atoms(SentResponse(), list(request_headers), environ, timedelta(milliseconds=4))
    return config.access_log_format % logger.atoms_wrapper_class(atoms)


def test_a_search_is_logged_without_what_was_searched_for_or_where_the_visitor_came_from():
    line = access_line(
        {
            "RAW_URI": "/search/?q=my+uncle+sends+me+pictures",
            "PATH_INFO": "/search/",
            "QUERY_STRING": "q=my+uncle+sends+me+pictures",
            "HTTP_REFERER": "https://example.org/how-to-report-abuse/kenya/",
        },
        request_headers=[("REFERER", "https://example.org/how-to-report-abuse/kenya/")],
    )

    assert '"GET /search/ HTTP/1.1" 200 5120' in line
    assert "uncle" not in line and "kenya" not in line


def test_a_page_that_names_another_path_is_logged_as_that_path():
    line = access_line(
        {
            "RAW_URI": "/how-to-report-abuse/kenya/",
            "PATH_INFO": "/how-to-report-abuse/kenya/",
            LOG_PATH_ENVIRON: "/how-to-report-abuse/",
        }
    )

    assert '"GET /how-to-report-abuse/ HTTP/1.1" 200' in line
    assert "kenya" not in line


def test_the_path_to_log_reaches_the_server_and_never_the_visitor():
    request = RequestFactory().get("/how-to-report-abuse/kenya/")
    middleware = AccessLogPathMiddleware(lambda request: log_as(HttpResponse("Kenya"), "/how-to-report-abuse/"))

    response = middleware(request)

    assert request.META[LOG_PATH_ENVIRON] == "/how-to-report-abuse/"
    assert not any("access-log" in header.lower() for header in response.headers)


class TestNoPathNamesTheVisitorsCountry:
    """Whatever the answer, no log line names a path under the help finder or a country at all."""

    @pytest.fixture
    def finder(self, home_page):
        return HelpFinderPageFactory(parent=home_page)

    @pytest.fixture
    def site_log(self):
        """What the site's own log handler writes (settings LOGGING), as the server's log would show it."""
        handler = logging.getHandlerByName("stderr")
        written = io.StringIO()
        previous = handler.setStream(written)
        yield written
        handler.setStream(previous)

    VISITS = [
        ("GET", "/how-to-report-abuse/kenya", 301),  # the slash added
        ("GET", "/how-to-report-abuse/keyna/", 404),  # a country mistyped
        ("POST", "/how-to-report-abuse/kenya/", 403),  # a form sent without its CSRF token
        ("GET", "/Kenya/", 404),  # typed at the site's root
        ("GET", "/fr/Kenya", 301),
    ]

    @pytest.mark.parametrize(("method", "path", "status"), VISITS)
    def test_the_access_log_names_neither_the_finder_path_nor_the_country(self, finder, method, path, status):
        response = Client(enforce_csrf_checks=True).generic(method, path)

        assert response.status_code == status
        line = access_line({**response.wsgi_request.META, "RAW_URI": path})
        assert f'"{method} /' in line
        assert "kenya" not in line.lower() and "keyna" not in line.lower()

    @pytest.mark.parametrize(("method", "path", "status"), VISITS)
    def test_the_sites_own_log_names_neither(self, finder, site_log, caplog, method, path, status):
        caplog.set_level("WARNING", logger="django.request")  # as an operator may, to see every 404

        response = Client(enforce_csrf_checks=True).generic(method, path)

        assert response.status_code == status
        if status in (403, 404):
            assert "WARNING" in site_log.getvalue()  # "Forbidden (CSRF cookie not set.)", "Not Found"
        written = site_log.getvalue() + "\n".join(record.getMessage() for record in caplog.records)
        assert "kenya" not in written.lower() and "keyna" not in written.lower()

    def test_other_paths_are_logged_as_they_are(self, finder, site_log, caplog):
        caplog.set_level("WARNING", logger="django.request")

        response = Client().get("/no-such-page/")

        assert response.status_code == 404
        assert "Not Found: /no-such-page/" in site_log.getvalue()
        assert LOG_PATH_ENVIRON not in response.wsgi_request.META


@pytest.mark.parametrize(
    ("sent", "logged"),
    [
        ("/how-to-report-abuse/kenya/?q=uncle", "/how-to-report-abuse/"),  # the finder, and no search
        # Read as sent, percent-encoded.
        ("/how-to-report-%61buse/kenya/", "/how-to-report-abuse/"),
        ("/%4Benya/", "/[withheld]/"),
    ],
)
def test_gunicorns_own_error_line_names_the_finder_and_no_country(home_page, sent, logged):
    HelpFinderPageFactory(parent=home_page)
    logger = PrivateAccessLogger(Config())
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    logger.error_log.addHandler(handler)
    try:
        logger.exception("Error handling request %s", sent)
    finally:
        logger.error_log.removeHandler(handler)

    assert written.getvalue().startswith(f"Error handling request {logged}\n")
