"""Site-wide middleware: the anonymous page cache and cache headers, the admin's own
security policy, the page shown while the database is unreachable, the cached site lookup,
and the site's own 404 page under DEBUG.

A public page is rendered once per content version and then served from the cache, before
sessions, authentication or the database are touched. Whatever an editor changes bumps
the version (website/cache.py), so the next request renders afresh: never a stale page.
It is stored plain and gzip-compressed, and each visitor gets the one their browser takes.
"""

import hashlib
import logging
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.exception import get_exception_response
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.urls import get_resolver, get_urlconf
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Site

from website.cache import accepted_coding, cached_for_content, content_version, stored_variants
from website.pagination import asks_for_the_page_shown
from website.views import error_page

logger = logging.getLogger(__name__)

PUBLIC_CACHE_CONTROL = {"public": True, "max_age": 0, "s_maxage": 60, "stale_while_revalidate": 30}
PRIVATE_CACHE_CONTROL = {"private": True, "no_store": True}
PAGE_TIMEOUT = 3600
SESSION_CHECK_TIMEOUT = 300

# The query parameters public pages read, by the pages that read them. A page is cached under
# these alone, and stored only when its address has no other: a link with a parameter no page
# reads (?utm_source=…, or a random one each time) gets the page without it from the cache, and
# never fills the cache with copies. A page that reads a new parameter must be named here
# (tests/test_cache.py checks the listings' filter forms).
PAGE_PARAMETERS = frozenset(
    {
        "page",  # every listing's page number, and the search's
        "q",  # the search's words, the library's keywords
        "kind",  # the news and events filters (news/listing.py, events/models.py)
        "topic",
        "year",
        "type",  # the library's filters (resources/library.py)
        "capability",
        "language",
        "sector",  # the members directory's filters (members/directory.py)
        "region",
        "country",  # and the help finder's chooser (helpfinder/models.py)
        "ref",  # the membership confirmation's reference (membership/views.py)
        "p",  # the sitemap's page (Django's sitemap view)
    }
)


class PageCacheMiddleware:
    """Serves anonymous visitors from the cache and labels every response for caches downstream."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAILADMIN_PATH

    def __call__(self, request):
        if not self.may_use_cache(request):
            response = self.get_response(request)
            if request.path.startswith(self.admin_prefix) or not response.has_header("Cache-Control"):
                patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
            return response
        key = self.key(request)
        coding = accepted_coding(request)
        cached = cache.get(f"{key}:{coding}")
        if cached is not None:
            return cached
        response = self.get_response(request)
        if self.may_store(request, response):
            patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
            variants = stored_variants(response)
            cache.set_many({f"{key}:{name}": variant for name, variant in variants.items()}, PAGE_TIMEOUT)
            return variants[coding]
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, **PRIVATE_CACHE_CONTROL)
        return response

    def may_use_cache(self, request):
        """Anonymous reads of public pages only: no session, not the admin or a preview."""
        return (
            settings.PAGE_CACHE_ENABLED
            and not is_preview(request)
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(self.admin_prefix)
            and not has_personal_cookie(request)
        )

    def may_store(self, request, response):
        """A complete, public, cookie-free page for someone not logged in, at an address whose
        every parameter a page reads, and whose page number is the listing's (website/pagination.py)."""
        user = getattr(request, "user", None)
        cache_control = response.get("Cache-Control", "")
        return (
            request.method == "GET"
            and PAGE_PARAMETERS.issuperset(request.GET)
            and asks_for_the_page_shown(request)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (user and user.is_authenticated)
            and "private" not in cache_control
            and "no-store" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def key(request):
        # The scheme and host too: what one of them was answered must never reach another (an
        # http visitor's copy an https one, or a page rendered under a name a proxy added).
        # Hashed, because a query string can be longer than a cache key may be.
        address = (
            f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(page_parameters(request))}".encode()
        )
        return f"page:{content_version()}:{hashlib.sha256(address).hexdigest()}"


def page_parameters(request):
    """The request's parameters that pages read (PAGE_PARAMETERS), as (name, value) pairs in
    one order whatever the address's; values named twice keep theirs."""
    pairs = [(name, value) for name, values in request.GET.lists() if name in PAGE_PARAMETERS for value in values]
    return sorted(pairs, key=lambda pair: pair[0])


def has_personal_cookie(request):
    """A session that exists, or messages the site signed: anything else is a cookie anyone can
    make up, and must not cost a rendered page (every request with `sessionid=x` would)."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    messages = request.COOKIES.get(CookieStorage.cookie_name)
    return bool(session_key and session_exists(session_key)) or bool(messages and signed_by_us(messages))


def session_exists(session_key):
    """One lookup per key every few minutes at most; a malformed key none at all.

    An answer kept for a while cannot let anyone's page out: a key found missing is never
    given to a session later (Django makes a new one), and one found that has since ended
    only skips the cache.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if store(session_key).session_key is None:
        return False
    cache_key = f"session-exists:{hashlib.sha256(session_key.encode()).hexdigest()}"
    exists = cache.get(cache_key)
    if exists is None:
        try:
            exists = store().exists(session_key)
        except DatabaseError:
            return True  # cannot tell: rendered, where the database's absence is answered
        cache.set(cache_key, exists, SESSION_CHECK_TIMEOUT)
    return exists


def signed_by_us(cookie):
    try:
        signing.get_cookie_signer(salt=CookieStorage.key_salt).unsign(cookie)
    except signing.BadSignature:
        return False
    return True


class LanguageFromAddressMiddleware:
    """A request's language is its address's: /fr/… French, /es/… Spanish, /ar/… Arabic, else English.

    Never the browser's Accept-Language or a cookie (as Django's LocaleMiddleware would for
    addresses outside i18n_patterns): one address always shows one language, so the page
    cache, which is keyed by address, and search engines each see one page per address.
    The admin sets each editor's own language inside this.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class AdminSecurityPolicyMiddleware:
    """The Wagtail admin gets its own, looser Content Security Policy (settings.SECURE_CSP_ADMIN).

    Sits just inside Django's ContentSecurityPolicyMiddleware, which reads the policy a
    response asks for from `_csp_config`, as its own `csp_override` decorator sets it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAILADMIN_PATH

    def __call__(self, request):
        response = self.get_response(request)
        # A preview is rendered through a dummy request for the page's public address
        # (Wagtail's make_preview_request), then shown in the admin's preview frame.
        if request.path.startswith(self.admin_prefix) or is_preview(request):
            response._csp_config = settings.SECURE_CSP_ADMIN
            response["X-Robots-Tag"] = "noindex, nofollow"  # instead of naming the admin in robots.txt
        return response


def is_preview(request):
    return getattr(request, "is_dummy", False)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, say so in the site's design (503), never a traceback.

    A form sent meanwhile was not saved (each save is one transaction), and the page says so.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s %s", request.method, request.path, exc_info=exception)
        if request.method == "POST":
            message = _("Nothing you sent has been saved. Please wait a minute and send it again.")
        else:
            message = _("Please try again in a minute.")
        response = HttpResponse(error_page(_("The site is briefly unavailable"), message), status=503)
        response["Retry-After"] = "60"
        return response


class SiteLookupMiddleware:
    """Finds the request's Wagtail site once per host and content version, not once per request.

    Wagtail keeps the site it found for a request on `request._wagtail_site` (see
    Site.find_for_request); filling that in from the cache saves a query on every page.
    Saving a Site bumps the content version like any other editor change.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = f"site-for:{request.get_host()}:{request.get_port()}"
        try:
            request._wagtail_site = cached_for_content(key, lambda: Site.find_for_request(request))
        except DatabaseError:
            pass  # Wagtail looks again in the view, where DatabaseUnavailableMiddleware answers
        return self.get_response(request)


class NotFoundPageMiddleware:
    """Under DEBUG (`make run`), a missing page shows the site's own 404 page, as production does.

    Django would show its technical 404 page instead, which is not the site a visitor or a
    tester sees and does not fit a phone. What it would have said (the path and why nothing
    answered it) goes to the server log, once the answer is final: it sits outside
    CommonMiddleware and Wagtail's redirects, so a missing slash or an editor's redirect
    still redirects and is not logged. Without DEBUG Django does this itself; not loaded.
    """

    def __init__(self, get_response):
        if not settings.DEBUG:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        reason = getattr(request, "not_found_reason", None)
        if reason is None and request.resolver_match is None:
            # No URL pattern matched, so no view ran and process_exception was not called.
            reason = "no URL pattern matches it"
            response = site_not_found_page(request, Http404(reason))
        if reason:
            logger.warning("Not found: %s (%s)", request.path, reason)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404):
            return None
        view = request.resolver_match.view_name if request.resolver_match else "a view"
        request.not_found_reason = f"{view} raised Http404: {str(exception) or 'no message'}"
        return site_not_found_page(request, exception)


def site_not_found_page(request, exception):
    """The 404 page production shows: the URLconf's handler404 (Django's default renders 404.html)."""
    return get_exception_response(request, get_resolver(get_urlconf()), 404, exception)
