"""Trying the services' web addresses, so editors hear of one that stopped working.

Standard library only: a HEAD request (a GET where the server refuses HEAD), following
redirects, with a short timeout. What went wrong is said the way an editor would say it.
"""

from http import HTTPStatus
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings

TIMEOUT = 10  # seconds
# Servers that do not take HEAD say so with these; the address may still work.
HEAD_REFUSED = {HTTPStatus.METHOD_NOT_ALLOWED, HTTPStatus.NOT_IMPLEMENTED}
WEB_SCHEMES = {"http", "https"}  # never file: or ftp:, which urllib would also open
MAX_PROBLEM_LENGTH = 200  # Service.link_problem's max_length


def user_agent():
    site = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "the WePROTECT Global Alliance website"
    return f"WePROTECT Global Alliance link checker (+{site})"


def problem_with(url, timeout=TIMEOUT):
    """Nothing when the address answers (2xx, or a 3xx leading to one), else what went wrong."""
    if urlsplit(url).scheme not in WEB_SCHEMES:
        return "Not a web address: it should start with https://"
    try:
        try:
            fetch(url, "HEAD", timeout)
        except HTTPError as error:
            if error.code not in HEAD_REFUSED:
                raise
            fetch(url, "GET", timeout)
    except HTTPError as error:
        return status_text(error)
    except TimeoutError:
        return no_answer(timeout)
    except URLError as error:
        if isinstance(error.reason, TimeoutError):
            return no_answer(timeout)
        return cut(f"Could not connect: {error.reason}")
    except (OSError, ValueError) as error:  # a dropped connection, a malformed address
        return cut(f"Could not connect: {error}")
    return ""


def fetch(url, method, timeout):
    request = Request(url, method=method, headers={"User-Agent": user_agent()})  # noqa: S310 - http(s) only, above
    with urlopen(request, timeout=timeout):  # noqa: S310 - http(s) only, above
        pass  # the status is enough: the body is never read


def status_text(error):
    try:
        phrase = HTTPStatus(error.code).phrase
    except ValueError:
        phrase = error.reason
    return cut(f"{error.code} {phrase}")


def no_answer(timeout):
    return f"No answer within {timeout:g} seconds"


def cut(text):
    return text[:MAX_PROBLEM_LENGTH]
