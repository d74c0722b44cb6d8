"""Site-wide views: search, robots.txt, image renditions, and the error pages in the site's design."""

import re
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from website.alternates import search_versions
from website.cache import cached_for_content, content_version
from website.languages import active_language, active_locale_id, default_language
from website.pagination import listing_page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
CARD_TIMEOUT = 3600
RENDITION_MAX_AGE = 365 * 24 * 60 * 60


@require_GET
def search(request):
    """Full-text search over the live public pages in the visitor's language; any query, however odd,
    gives a normal page. The language switcher offers the same search in each language."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    # Only the words go to the search backend: quotes, brackets and operators mean
    # something to SQLite's and PostgreSQL's full-text syntax and could break the query.
    words = " ".join(re.findall(r"\w+", query))
    results = None
    if words:
        results = listing_page(request, ranked_matches(words), RESULTS_PER_PAGE)
        results.object_list = result_cards(results.object_list, request)
    context = {
        "query": query,
        "results": results,
        "language_versions": search_versions(request, query),
        "english_search_url": english_search_url(query),
    }
    response = render(request, "search/search.html", context)
    if words:
        # What someone searched for is theirs: never kept by the page cache or a CDN.
        patch_cache_control(response, private=True, no_store=True)
    return response


def english_search_url(query):
    """On a search in another language, the same search among the English pages, which are many more."""
    if not query or active_language() == default_language():
        return None
    with override(default_language()):
        return reverse("search") + "?" + urlencode({"q": query})


def ranked_matches(words):
    """The ids of live public pages in the visitor's language matching `words`: those whose title matches first, then the rest,
    each group by relevance. Wagtail's database backend ranks a word in the body as highly as one
    in the title (on SQLite it scores them alike), so "membership" would put the Contact page,
    which mentions it often, above the Membership page."""
    pages = Page.objects.live().public().filter(locale_id=active_locale_id()).only("pk")
    in_title = [page.pk for page in pages.search(words, fields=["title"])]
    seen = set(in_title)
    return in_title + [page.pk for page in pages.search(words) if page.pk not in seen]


def result_cards(ids, request):
    """What each result shows, in the same order, cached per page until the content changes.

    A card needs the page as its own type: one query for each kind of page among the results,
    and the site has many. Searches are never page-cached (they are the visitor's own), so the
    cards are, and a search costs the same few queries however varied its results.
    """
    version = content_version()
    keys = {pk: f"search-result:{version}:{pk}" for pk in ids}
    cards = cache.get_many(keys.values())
    missing = [pk for pk in ids if keys[pk] not in cards]
    if missing:
        fresh = {keys[page.pk]: result_card(page, request) for page in Page.objects.filter(pk__in=missing).specific()}
        cache.set_many(fresh, CARD_TIMEOUT)
        cards.update(fresh)
    return [cards[keys[pk]] for pk in ids if keys[pk] in cards]


def result_card(page, request):
    return {
        "kind": getattr(page, "search_kind", _("Page")),
        "title": page.title,
        "url": page.get_url(request),
        "summary": page.get_meta_description(),
    }


@require_GET
def robots_txt(request):
    """The admin is not named: its address may be a secret (ADMIN_PATH), and it sends X-Robots-Tag itself.

    The sitemap's address is the site's own (website/address.py), as are the addresses in the
    sitemap, whatever Host the request came with. Search results in every language stay unindexed.
    """
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    context = {
        "sitemap_url": root_url + "/sitemap.xml",
        "searches": [version.url for version in search_versions(request, "")],
    }
    return render(request, "robots.txt", context, content_type="text/plain")


@require_GET
def image_rendition(request, path):
    """An image rendition from MEDIA_ROOT/images/, the only uploaded files with a public address.

    Originals (original_images/) and documents (documents/) are never served by file path:
    a document goes through Wagtail's document view, which applies its collection's privacy.
    The folder is the root, so no `..` in the address can climb out of it.

    A rendition is public, so browsers and a CDN may keep it for a year (PageCacheMiddleware
    leaves a response's own Cache-Control alone): every rendition file has a name no earlier
    one had (CustomRendition.get_upload_to), so a changed image never reuses an address.
    """
    response = serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "images")
    patch_cache_control(response, public=True, max_age=RENDITION_MAX_AGE, immutable=True)
    return response


def error_page(title, message):
    """An error page in the site's design from a template that needs no database.

    The quick exit still works: it falls back to the neutral site editors start with.
    """
    from website.models import SiteSettings

    quick_exit_url = SiteSettings._meta.get_field("quick_exit_url").default
    context = {"title": title, "message": message, "quick_exit_url": quick_exit_url}
    return loader.get_template("error.html").render(context)


def server_error(request):
    return HttpResponseServerError(error_page(_("Sorry, something went wrong"), ""))


def forbidden(request, exception=None):
    return HttpResponseForbidden(
        error_page(
            _("You do not have permission"),
            _("Your account cannot open this page. Ask an administrator if you need it."),
        )
    )


def bad_request(request, exception=None):
    if isinstance(exception, RequestDataTooBig):
        page = error_page(
            _("What you sent is too large"),
            _("Nothing was saved. Shorten the text or attach a smaller file, then send it again."),
        )
        return HttpResponse(page, status=413)
    return HttpResponseBadRequest(
        error_page(_("Sorry, we could not read that request"), _("Go back, check what you entered and try again."))
    )


def csrf_failure(request, reason=""):
    """A form sent with a missing or stale CSRF token: say nothing was saved and offer the form again.

    The link back is this request's own path, and only if it stays on this site (an address
    such as `//elsewhere.example/` would leave it); otherwise the home page.
    """
    form_url = request.path
    if not url_has_allowed_host_and_scheme(form_url, allowed_hosts=None):
        form_url = "/"
    response = render(request, "csrf_failure.html", {"form_url": form_url}, status=403)
    patch_cache_control(response, private=True, no_store=True)
    return response


def locked_out(request, response=None, credentials=None):
    """django-axes' answer to a login from a locked-out user name or address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = ngettext(
        "There were too many failed attempts to sign in. For your security, signing in is paused "
        "for %(minutes)d minute. If you have forgotten your password, use the reset link on the sign-in page.",
        "There were too many failed attempts to sign in. For your security, signing in is paused "
        "for %(minutes)d minutes. If you have forgotten your password, use the reset link on the sign-in page.",
        minutes,
    ) % {"minutes": minutes}
    return HttpResponse(error_page(_("Signing in is paused"), message), status=429)


def page(request, path):
    """Wagtail's page view, starting from the home page in the visitor's language as found once
    per content version, where Wagtail would look up the active locale, the home page's
    translation and its specific page on every request (website/urls.py puts this at Wagtail's
    own address and name, "wagtail_serve")."""
    site = Site.find_for_request(request)
    if site is not None:
        root = cached_for_content(f"home-in-language:{site.pk}", lambda: site.root_page.localized.specific)
        try:
            request._wagtail_route_for_request = root.route(request, [part for part in path.split("/") if part])
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
