"""Filters on what the site writes to its log (settings LOGGING).

A refused request is not an error of the site's: Django logs a body it refuses (too large,
too many fields or files, a file sent to a public form, an unreadable multipart body) as an
ERROR with the whole traceback, which would drown the real errors. It is one WARNING line.
"""

import logging

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError

REFUSALS = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent, MultiPartParserError)


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
