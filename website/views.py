"""Site-wide views: search, robots.txt and the server-error page."""

import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Full-text search over live public pages; any query, however odd, gives a normal page."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    # Only the words go to the search backend: quotes, brackets and operators mean
    # something to SQLite's and PostgreSQL's full-text syntax and could break the query.
    words = " ".join(re.findall(r"\w+", query))
    results = None
    if words:
        matches = Page.objects.live().public().specific().search(words)
        results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    response = render(request, "search/search.html", {"query": query, "results": results})
    if words:
        # What someone searched for is theirs: never kept by the page cache or a CDN.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def robots_txt(request):
    context = {
        "admin_path": settings.WAGTAILADMIN_PATH,
        "sitemap_url": request.build_absolute_uri("/sitemap.xml"),
    }
    return render(request, "robots.txt", context, content_type="text/plain")


def error_page(title, message):
    """An error page in the site's design from a template that needs no database.

    The quick exit still works: it falls back to the neutral site editors start with.
    """
    from website.models import SiteSettings

    quick_exit_url = SiteSettings._meta.get_field("quick_exit_url").default
    context = {"title": title, "message": message, "quick_exit_url": quick_exit_url}
    return loader.get_template("error.html").render(context)


def server_error(request):
    return HttpResponseServerError(error_page("Sorry, something went wrong", ""))


def forbidden(request, exception=None):
    return HttpResponseForbidden(
        error_page(
            "You do not have permission", "Your account cannot open this page. Ask an administrator if you need it."
        )
    )


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        page = error_page(
            "What you sent is too large",
            "Nothing was saved. Shorten the text or attach a smaller file, then send it again.",
        )
        return HttpResponse(page, status=413)
    return HttpResponseBadRequest(
        error_page("Sorry, we could not read that request", "Go back, check what you entered and try again.")
    )


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a login from a locked-out user name or address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = (
        f"There were too many failed attempts to sign in. For your security, signing in is paused "
        f"for {minutes} minutes. If you have forgotten your password, use the reset link on the sign-in page."
    )
    return HttpResponse(error_page("Signing in is paused", message), status=429)
