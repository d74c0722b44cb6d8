"""What the server's access log may say about a visit: never a search, a chosen country or a referrer.

gunicorn's access log would otherwise keep every address in full: a search for help, the help
finder's page for the visitor's country, the page they came from. This log keeps the method,
the path without its query string, the status, the size and the time, and no referrer.

A page whose path itself is private (a country page of the help finder) names the path to log
instead with `log_as()`. The name travels in a response header that never leaves the site:
`AccessLogPathMiddleware`, outermost, moves it into the request's WSGI environ, which is where
gunicorn's logger reads it. It works for pages served from the page cache too, since the cached
response keeps its headers.
"""

from gunicorn.glogging import Logger

LOG_PATH_HEADER = "X-Access-Log-Path"
LOG_PATH_ENVIRON = "website.access_log_path"
# Request headers and environ entries gunicorn offers the log format that repeat the address or referrer.
PRIVATE_ATOMS = ("{referer}i", "{http_referer}e", "{query_string}e", "{raw_uri}e", "{path_info}e")


def log_as(response, path):
    """Have the access log record `path` for this response instead of the requested one."""
    response[LOG_PATH_HEADER] = path
    return response


class AccessLogPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if LOG_PATH_HEADER in response:
            request.META[LOG_PATH_ENVIRON] = response[LOG_PATH_HEADER]
            del response[LOG_PATH_HEADER]
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
