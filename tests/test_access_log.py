"""The server's access log keeps no search, no help finder country and no referrer."""

from datetime import timedelta

from django.http import HttpResponse
from django.test import RequestFactory
from gunicorn.config import Config

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
