"""Filters on what the site writes to its log (settings LOGGING).

No line names a path under the help finder, nor a country's name in any path: whoever reads
the log would learn who looked up reporting in which country. Django names the path in its
own warnings (a form refused for its CSRF token, a page not found, a refused body), so every
line's arguments that are paths are logged as the access log logs them (website/access_log.py).

A refused request is not an error of the site's: Django logs a body it refuses (too large,
too many fields or files, a file sent to a public form, an unreadable multipart body) and a
Host header that is not the site's as an ERROR with the whole traceback, which would drown
the real errors. It is one WARNING line.
"""

import logging

from django.core.exceptions import DisallowedHost, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError

# DisallowedHost too: a request for another site's name (a scanner trying the bare IP address).
REFUSALS = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, MultiPartParserError, DisallowedHost)


class RefusalAsWarning(logging.Filter):
    """On the loggers Django reports refused bodies to: one line, "Refused POST /path: why"."""

    def filter(self, record):
        from website.uploads import FileNotAccepted  # here: the logging is set up before the apps are loaded

        refusal = record.exc_info[1] if record.exc_info else None
        if isinstance(refusal, (*REFUSALS, FileNotAccepted)):
            request = getattr(record, "request", None)
            record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
            record.exc_info = record.exc_text = None
            record.msg, record.args = (
                "Refused %s %s: %s",
                (
                    getattr(request, "method", "-"),
                    getattr(request, "path", "-"),
                    refusal,
                ),
            )
        return True


class PrivatePaths(logging.Filter):
    """On the handler every line goes through: each argument that is a path, as path_to_log() has it."""

    def filter(self, record):
        from website.access_log import WITHHELD, path_to_log

        if isinstance(record.args, tuple):
            record.args = tuple(private_path(arg, path_to_log, WITHHELD) for arg in record.args)
        return True


def private_path(arg, path_to_log, withheld):
    if not (isinstance(arg, str) and arg.startswith("/")):
        return arg
    try:
        return path_to_log(arg)
    except Exception:  # noqa: BLE001 - a log line must never fail, nor name what it could not check
        return withheld
