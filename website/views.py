"""Site-wide views: search, robots.txt and the server-error page."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseServerError
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


def server_error(request):
    """The 500 page from a template that needs neither the database nor a request context."""
    return HttpResponseServerError(loader.get_template("500.html").render({}))
