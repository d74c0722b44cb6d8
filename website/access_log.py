"""What the server's access log may say about a visit: never a search, a chosen country or a referrer.

gunicorn's access log would otherwise keep every address in full: a search for help, the help
finder's page for the visitor's country, the page they came from. This log keeps the method,
the path without its query string, the status, the size and the time, and no referrer.

A page whose path itself is private (a country page of the help finder) names the path to log
instead with `log_as()`. The name travels in a response header that never leaves the site:
`AccessLogPathMiddleware`, outermost, moves it into the request's WSGI environ, which is where
gunicorn's logger reads it. It works for pages served from the page cache too, since the cached
response keeps its headers.

Every other address goes through `path_to_log()` too, whatever its answer (a redirect for a
missing slash, a form refused for its CSRF token, a 404): a path under the help finder is
logged as the finder's own, and a country's name is never logged anywhere (website/log_filters.py
applies the same rule to the site's own log).
"""

from functools import cache
from urllib.parse import unquote

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from gunicorn.glogging import Logger

from website.cache import cached_for_pages

LOG_PATH_HEADER = "X-Access-Log-Path"
LOG_PATH_ENVIRON = "website.access_log_path"
# Request headers and environ entries gunicorn offers the log format that repeat the address or referrer.
PRIVATE_ATOMS = ("{referer}i", "{http_referer}e", "{query_string}e", "{raw_uri}e", "{path_info}e")
# Pages whose every address below them names what a visitor chose (the help finder's country).
PRIVATE_SECTIONS = ("helpfinder.HelpFinderPage",)
# What stands in the log for a country's name, or for a path that cannot be checked.
WITHHELD = "[withheld]"


def log_as(response, path):
    """Have the access log record `path` for this response instead of the requested one."""
    response[LOG_PATH_HEADER] = path
    return response


def path_to_log(path):
    """`path` as a log may name it: under the help finder, the finder's own path; elsewhere,
    with any part that is a country's name withheld.

    The finder's country is what is private, but a visitor also types it where the finder is
    not: /Kenya/, /fr/Kenya, /how-to-report-abuse-kenya… A 404's path is kept (it is how a
    broken link is found), with the country withheld: /[withheld]/. A path that cannot be
    checked (the database unreachable) is withheld whole.
    """
    # gunicorn's own lines name the address as it was sent, still percent-encoded (/%4Benya/).
    path = unquote(path.split("?", 1)[0])
    try:
        sections = private_sections()
    except Exception:  # noqa: BLE001 - a log line must never fail, nor name what it could not check
        return WITHHELD
    folded = path.casefold()
    for section in sections:
        if folded.startswith(section.casefold()) or folded == section.casefold().rstrip("/"):
            return section
    return "/".join(WITHHELD if names_a_country(part) else part for part in path.split("/"))


def private_sections():
    """The paths of the live private sections (the help finder in each language), found once per pages version."""

    def find():
        models = [apps.get_model(name) for name in PRIVATE_SECTIONS]
        return [page.url for model in models for page in model.objects.live() if page.url]

    return cached_for_pages("access-log-private-sections", find)


def names_a_country(part):
    return bool(part) and slugify(part, allow_unicode=True) in country_slugs()


@cache
def country_slugs():
    """Every country's name in every language of the site, as an address would write it."""
    from django_countries import countries

    slugs = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            slugs.update(slugify(str(name), allow_unicode=True) for _code, name in countries)
    slugs.discard("")
    return frozenset(slugs)


class AccessLogPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = response.get(LOG_PATH_HEADER) or path_to_log(request.path_info)
        if LOG_PATH_HEADER in response:
            del response[LOG_PATH_HEADER]
        if path != request.path_info:
            request.META[LOG_PATH_ENVIRON] = path
        return response


class PrivateAccessLogger(Logger):
    """gunicorn's logger (gunicorn.conf.py's logger_class), with the address cut down as above."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = environ.get(LOG_PATH_ENVIRON) or environ.get("PATH_INFO") or "/"
        atoms.update(r=f"{environ['REQUEST_METHOD']} {path} {environ['SERVER_PROTOCOL']}", U=path, q="", f="-")
        for atom in PRIVATE_ATOMS:
            atoms.pop(atom, None)
        return atoms

    def exception(self, msg, *args, **kwargs):
        """gunicorn names the address of a request whose handling failed: as the access log would."""
        args = [path_to_log(arg) if isinstance(arg, str) and arg.startswith("/") else arg for arg in args]
        super().exception(msg, *args, **kwargs)
