"""How the membership page with its form is rendered, for a blank form, one with errors, or
one paused by the rate limit.

Most visits see the blank form, whose page is the same for everyone but for three values:
the CSRF token, the signed time the form was shown and its one-time token. Rendering it
(some 250 countries among the choices) is the slow part, so the blank page is rendered once
per content version (website/cache.py: an editor's publish shows at once) with markers in
those places, and each visit fills in its own values. A form with errors, and every page for
someone signed in (the Wagtail user bar) or a preview, is rendered in full as usual.

`BlankFormMiddleware` then serves that stored page to the next anonymous visitors before
Wagtail looks the page up (most of the remaining time). It only ever serves what the page's
own view stored, after Wagtail had found the page and checked that it is public, and any
change an editor makes starts a new content version.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.translation import get_language

from membership.forms import APPLICATION_DETAILS_ID, REGION_DETAILS_ID, new_form_tokens
from website.cache import content_version

TEMPLATE = "membership/membership_page.html"
# Plain letters only, so that rendering leaves them as they are.
CSRF_MARKER = "membershipFormCsrfTokenMarker"
STARTED_MARKER = "membershipFormStartedMarker"
TOKEN_MARKER = "membershipFormTokenMarker"  # noqa: S105 - a placeholder, not a secret
BLANK_PAGE_TIMEOUT = 3600


def render_form_page(request, page, form, status=200):
    if status == 200 and not form.is_bound and may_share_page(request):
        return blank_form_page(request, page, form)
    return TemplateResponse(request, TEMPLATE, context_for(page, form), status=status)


def context_for(page, form):
    return {
        "page": page,
        "form": form,
        "application_details_id": APPLICATION_DETAILS_ID,
        "region_details_id": REGION_DETAILS_ID,
    }


def may_share_page(request):
    """Nothing on the page is personal: an anonymous visitor, not an editor's preview."""
    user = getattr(request, "user", None)
    return user is not None and not user.is_authenticated and not getattr(request, "is_dummy", False)


def blank_page_key(request):
    # By day too: the page says when applications reopen only while that day is still ahead.
    # And by language: the address (/ar/membership/) says it already, but the markup is
    # rendered in the active language, so the key names it (LanguageFromAddressMiddleware).
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"membership-blank-form:{content_version()}:{timezone.localdate()}:{get_language()}:{address}"


def blank_form_page(request, page, form):
    key = blank_page_key(request)
    html = cache.get(key)
    if html is None:
        html = render_with_markers(request, page, form)
        cache.set(key, html, BLANK_PAGE_TIMEOUT)
    return filled_in(request, html, form.initial)


def render_with_markers(request, page, form):
    blank = type(form)(page=page)
    blank.initial.update(started=STARTED_MARKER, token=TOKEN_MARKER)
    # A value in the context wins over the one the CSRF context processor gives.
    context = {**context_for(page, blank), "csrf_token": CSRF_MARKER}
    return render_to_string(TEMPLATE, context, request)


def filled_in(request, html, tokens):
    """The stored page with this visitor's own CSRF token and form tokens; never stored by a browser."""
    visitor_values = {
        CSRF_MARKER: get_token(request),  # CsrfViewMiddleware also sends this visitor the CSRF cookie
        STARTED_MARKER: tokens["started"],
        TOKEN_MARKER: tokens["token"],
    }
    for marker, value in visitor_values.items():
        html = html.replace(marker, escape(value))
    response = HttpResponse(html)
    add_never_cache_headers(response)
    return response


class BlankFormMiddleware:
    """Serves the stored blank membership page to an anonymous visitor without routing.

    Belongs after CsrfViewMiddleware and AuthenticationMiddleware (it needs `request.user`,
    and the CSRF cookie and every security header still apply to what it serves).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and may_share_page(request):
            html = cache.get(blank_page_key(request))
            if html is not None:
                return filled_in(request, html, new_form_tokens())
        return self.get_response(request)
