"""Site-wide views: search, robots.txt and the server-error page."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
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
    return render(request, "search/search.html", {"query": query, "results": results})


@require_GET
def robots_txt(request):
    context = {
        "admin_path": settings.WAGTAILADMIN_PATH,
        "sitemap_url": request.build_absolute_uri("/sitemap.xml"),
    }
    return render(request, "robots.txt", context, content_type="text/plain")


def error_page(title, message):
    """An error page in the site's design from a template that needs no database."""
    return loader.get_template("error.html").render({"title": title, "message": message})


def server_error(request):
    return HttpResponseServerError(error_page("Sorry, something went wrong", ""))


def forbidden(request, exception=None):
    return HttpResponseForbidden(
        error_page(
            "You do not have permission", "Your account cannot open this page. Ask an administrator if you need it."
        )
    )
