"""Where no proxy compresses, the site does: cached public pages go gzip-compressed to every
browser that takes it, compressed once when stored. A page with a CSRF token, a cookie or
anything personal is never compressed (BREACH), nor is anything sent to a client that did
not ask for gzip."""

import gzip

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from tests.factories.home import StandardPageFactory
from tests.factories.membership import MembershipPageFactory
from website.middleware import PageCacheMiddleware

BROWSER = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, slug="about", introduction="Who we are and what we do.")


def test_a_cached_public_page_is_sent_gzip_compressed_with_the_same_page_inside(client, about):
    plain = client.get("/about/")
    compressed = client.get("/about/", **BROWSER)

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed["Content-Length"]) == len(compressed.content) < len(plain.content) / 2
    for response in (plain, compressed):
        assert "Accept-Encoding" in response["Vary"]  # so a CDN keeps the two apart
        assert "public" in response["Cache-Control"]


def test_the_page_is_compressed_once_when_stored_and_a_hit_only_reads_it(client, about, rf, django_assert_num_queries):
    first = client.get("/about/", **BROWSER)  # rendered, compressed and stored for everyone

    stored = cache.get(PageCacheMiddleware.key(rf.get("/about/")) + ":gzip")
    assert stored["Content-Encoding"] == "gzip" and stored.content == first.content
    with django_assert_num_queries(0):
        assert client.get("/about/", **BROWSER).content == first.content


@pytest.mark.parametrize("accept_encoding", [None, "identity", "br", "gzip;q=0", "deflate, gzip; q=0.0"])
def test_a_client_that_does_not_take_gzip_gets_the_plain_page(client, about, accept_encoding):
    client.get("/about/", **BROWSER)  # the compressed page is in the cache already
    headers = {"HTTP_ACCEPT_ENCODING": accept_encoding} if accept_encoding else {}

    response = client.get("/about/", **headers)

    assert "Content-Encoding" not in response
    assert response.content.decode().startswith("<!DOCTYPE html>")


def test_the_membership_form_with_its_csrf_token_is_never_compressed(home_page):
    MembershipPageFactory(parent=home_page)
    visitor = Client(**BROWSER)
    for _ in range(2):  # the stored blank form too
        response = visitor.get("/membership/")
        assert "Content-Encoding" not in response
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert "no-store" in response["Cache-Control"]


def test_search_results_and_an_editors_pages_are_never_compressed(client, about, admin_user):
    assert "Content-Encoding" not in client.get("/search/?q=about", **BROWSER)
    editor = Client(**BROWSER)
    editor.force_login(admin_user)
    assert "Content-Encoding" not in editor.get("/about/")
    assert "Content-Encoding" not in editor.get("/admin/")


def test_a_response_that_sets_a_cookie_is_never_compressed(rf):
    def view_that_sets_a_cookie(request):
        response = HttpResponse("<p>yours</p>" * 100)
        response.set_cookie("preference", "1")
        return response

    middleware = PageCacheMiddleware(view_that_sets_a_cookie)

    assert "Content-Encoding" not in middleware(rf.get("/", **BROWSER))


def test_a_tiny_page_is_sent_as_it_is(client, home_page):
    response = client.get("/robots.txt", **BROWSER)

    assert "Content-Encoding" not in response and "Sitemap:" in response.content.decode()


def test_a_head_request_gets_the_same_headers_as_the_page(client, about):
    page = client.get("/about/", **BROWSER)
    head = client.head("/about/", **BROWSER)
    plain_head = client.head("/about/")

    assert head.status_code == 200 and head.content == b""
    for header in ("Content-Encoding", "Content-Length", "Content-Type", "Vary", "Cache-Control"):
        assert head[header] == page[header]
    assert "Content-Encoding" not in plain_head
    assert int(plain_head["Content-Length"]) == len(gzip.decompress(page.content))


def test_a_conditional_request_gets_the_whole_current_page(client, about):
    page = client.get("/about/", **BROWSER)

    response = client.get(
        "/about/",
        HTTP_IF_NONE_MATCH='"an-old-version"',
        HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT",
        **BROWSER,
    )

    assert response.status_code == 200 and response.content == page.content


def test_a_stored_pages_etag_is_weak_once_compressed(rf):
    """A compressed page is the same page but not the same bytes (as Django's GZipMiddleware marks it)."""

    def view_with_an_etag(request):
        response = HttpResponse("<p>the same for everyone</p>" * 100)
        response["ETag"] = '"v1"'
        return response

    middleware = PageCacheMiddleware(view_with_an_etag)

    assert middleware(rf.get("/"))["ETag"] == '"v1"'
    assert middleware(rf.get("/", **BROWSER))["ETag"] == 'W/"v1"'
