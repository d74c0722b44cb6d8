"""The page cache: anonymous visitors get cached pages, and never a stale one.

Each test first lets an anonymous visitor fill the cache, then makes the kind of change an
editor makes, then checks that the very next anonymous request shows it.
"""

import re
import secrets
import threading

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from helpfinder.forms import CountryForm
from members.directory import DirectoryFilterForm
from news.listing import NewsFilterForm
from resources.library import LibraryFilterForm
from tests.factories.home import StandardPageFactory
from tests.factories.membership import MembershipPageFactory
from tests.factories.news import NewsIndexPageFactory
from tests.factories.resources import (
    CapabilityAreaPageFactory,
    CapabilityPageFactory,
    DocumentFactory,
    MnrFrameworkPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)
from website.middleware import PAGE_PARAMETERS, PageCacheMiddleware
from website.models import CustomImage, SiteSettings


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def publish(page, **changes):
    page = page.specific
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_an_anonymous_visitor_is_served_from_the_cache_without_a_query(client, home_page, django_assert_num_queries):
    first = page_text(client, "/")
    with django_assert_num_queries(0):
        assert page_text(client, "/") == first


def build_each_page_type(home_page):
    framework = MnrFrameworkPageFactory(parent=home_page)
    area = CapabilityAreaPageFactory(parent=framework, slug="prevention")
    library = ResourceIndexPageFactory(parent=home_page)
    return {
        "home": home_page,
        "standard": StandardPageFactory(parent=home_page, slug="about"),
        "membership": MembershipPageFactory(parent=home_page),
        "framework": framework,
        "area": area,
        "capability": CapabilityPageFactory(parent=area, slug="education"),
        "library": library,
        "resource": ResourcePageFactory(parent=library, slug="threat-assessment"),
    }


@pytest.mark.parametrize(
    "kind", ["home", "standard", "membership", "framework", "area", "capability", "library", "resource"]
)
def test_publishing_any_page_type_shows_on_the_next_anonymous_request(client, home_page, kind):
    page = build_each_page_type(home_page)[kind]
    url = page.url
    page_text(client, url)

    publish(page, title=f"Freshly published {kind}")

    assert f"Freshly published {kind}" in page_text(client, url)


def test_a_saved_draft_stays_unseen_and_the_cached_page_stays_in_use(client, home_page, django_assert_num_queries):
    page = StandardPageFactory(parent=home_page, slug="about", title="Published words")
    page_text(client, "/about/")
    page.title = "Draft words"
    page.save_revision()

    with django_assert_num_queries(0):
        assert "Published words" in page_text(client, "/about/")


def test_a_change_to_a_page_also_refreshes_the_menus_of_every_other_page(client, home_page):
    about = StandardPageFactory(parent=home_page, slug="about", title="About us")
    StandardPageFactory(parent=home_page, slug="contact", title="Contact")
    assert "About us" in page_text(client, "/contact/")

    publish(about, title="Who we are")

    assert "Who we are" in page_text(client, "/contact/")


def test_unpublishing_a_page_takes_it_down_at_once(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="about")
    page_text(client, "/about/")

    page.unpublish()

    assert client.get("/about/").status_code == 404


def test_deleting_a_page_takes_it_down_at_once(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="about")
    page_text(client, "/about/")

    page.delete()

    assert client.get("/about/").status_code == 404


def test_moving_a_page_serves_it_at_its_new_address_and_redirects_the_old(client, home_page):
    section = StandardPageFactory(parent=home_page, slug="work")
    page = StandardPageFactory(parent=home_page, slug="board", title="The Board")
    page_text(client, "/board/")

    page.move(section, pos="last-child")

    assert client.get("/board/").headers["Location"] == "/work/board/"
    assert "The Board" in page_text(client, "/work/board/")


def test_renaming_a_topic_snippet_shows_in_the_library(client, home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library)
    resource.topics.add("grooming")
    resource.save_revision().publish()
    assert ">grooming<" in page_text(client, "/resources/")

    tag = Tag.objects.get(name="grooming")
    tag.name = "Online grooming"
    tag.save()

    assert ">Online grooming<" in page_text(client, "/resources/")


def test_changing_the_site_settings_shows_on_every_page(client, home_page):
    StandardPageFactory(parent=home_page, slug="about")
    page_text(client, "/about/")

    settings = SiteSettings.for_site(home_page.get_site())
    settings.quick_exit_url = "https://weather.example.org/"
    settings.save()

    assert 'href="https://weather.example.org/"' in page_text(client, "/about/")


def test_changing_a_document_shows_on_the_pages_that_offer_it(client, home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library, slug="report", with_document=False)
    document = DocumentFactory(title="Annual report 2024")
    resource.documents.create(document=document, language="en")
    resource.save_revision().publish()
    page_text(client, "/resources/report/")

    document.title = "Annual report 2024 (revised)"
    document.save()

    assert "Annual report 2024 (revised)" in page_text(client, "/resources/report/")


def uploaded_png(name):
    return SimpleUploadedFile(name, get_test_image_file().file.getvalue(), content_type="image/png")


def test_replacing_an_image_in_the_admin_shows_the_new_picture(client, home_page, admin_user):
    library = ResourceIndexPageFactory(parent=home_page)
    image = CustomImage.objects.create(title="Cover", file=get_test_image_file(filename="first-cover.png"))
    ResourcePageFactory(parent=library, slug="report", cover_image=image)
    assert "first-cover" in page_text(client, "/resources/report/")

    editor = Client()
    editor.force_login(admin_user)
    replaced = editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Cover", "file": uploaded_png("second-cover.png"), "collection": image.collection_id},
    )

    assert replaced.status_code == 302
    html = page_text(client, "/resources/report/")
    assert "second-cover" in html and "first-cover" not in html


def test_a_logged_in_editor_never_gets_or_leaves_a_cached_page(client, home_page, admin_user):
    anonymous_html = page_text(client, "/")
    editor = Client()
    editor.force_login(admin_user)

    response = editor.get("/")

    assert response.content.decode() != anonymous_html  # rendered for them, with the editor's bar
    assert "wagtail-userbar" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "wagtail-userbar" not in page_text(client, "/")


def test_a_search_with_words_is_never_cached(client, home_page):
    StandardPageFactory(parent=home_page, slug="about", title="Hotlines")
    first = client.get("/search/?q=hotlines")
    assert "no-store" in first["Cache-Control"]
    StandardPageFactory(parent=home_page, slug="help", title="Hotlines near you")

    assert "Hotlines near you" in client.get("/search/?q=hotlines").content.decode()


def test_the_membership_form_keeps_a_valid_csrf_token_for_every_visitor(home_page):
    MembershipPageFactory(parent=home_page)
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = first_visitor.get("/membership/")

    response = second_visitor.get("/membership/")

    assert "no-store" in response["Cache-Control"]
    token = csrf_token_in(response)
    assert token != csrf_token_in(first)
    posted = second_visitor.post("/membership/", {"csrfmiddlewaretoken": token})
    assert posted.status_code != 403  # the form's own validation answers, not the CSRF check


def csrf_token_in(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def test_a_page_with_a_cookie_is_not_cached(rf):
    """Whatever sets a cookie is personal to one visitor; the cache must not hand it on."""

    def view_that_sets_a_cookie(request):
        response = HttpResponse("yours")
        response.set_cookie("preference", "1")
        return response

    middleware = PageCacheMiddleware(view_that_sets_a_cookie)
    middleware(rf.get("/"))

    assert middleware(rf.get("/")).cookies  # rendered again for the second visitor
    assert "no-store" in middleware(rf.get("/"))["Cache-Control"]


def test_turning_the_cache_off_renders_every_request(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    page_text(client, "/")

    with CaptureQueriesContext(connection) as queries:
        page_text(client, "/")

    assert len(queries) > 0


class TestCacheHeaders:
    def test_a_public_page_can_be_kept_by_a_cdn_briefly(self, client, home_page):
        for response in (client.get("/"), client.get("/")):  # rendered, then from the cache
            cache_control = response["Cache-Control"]
            assert "public" in cache_control
            assert "s-maxage=60" in cache_control
            assert "stale-while-revalidate=30" in cache_control
            assert "max-age=0" in cache_control

    def test_the_admin_is_private_and_never_stored(self, client, admin_user, home_page):
        client.force_login(admin_user)
        for url in ("/admin/", "/admin/login/", f"/admin/pages/{home_page.pk}/edit/"):
            assert "private" in client.get(url)["Cache-Control"]
            assert "no-store" in client.get(url)["Cache-Control"]

    def test_the_admin_login_page_is_never_stored_for_anonymous_visitors(self, client, home_page):
        response = client.get("/admin/login/")
        assert "no-store" in response["Cache-Control"]

    def test_the_membership_form_and_its_confirmation_are_never_stored(self, client, home_page):
        MembershipPageFactory(parent=home_page)
        assert "no-store" in client.get("/membership/")["Cache-Control"]
        assert "no-store" in client.get("/membership/confirmation/?ref=bad")["Cache-Control"]

    def test_a_missing_page_is_not_kept(self, client, home_page):
        assert "no-store" in client.get("/no-such-page/")["Cache-Control"]

    def test_the_sitemap_and_robots_file_are_public(self, client, home_page):
        for url in ("/sitemap.xml", "/robots.txt"):
            assert "public" in client.get(url)["Cache-Control"]


def test_making_a_page_private_takes_it_out_of_the_public_cache_at_once(client, home_page):
    from wagtail.models import PageViewRestriction

    StandardPageFactory(parent=home_page, slug="board", introduction="Minutes of the Board.")
    assert "Minutes of the Board." in page_text(client, "/board/")

    PageViewRestriction.objects.create(
        page=Page.objects.get(url_path="/home/board/"), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    assert "Minutes of the Board." not in client.get("/board/").content.decode()


def in_another_connection(read):
    """What `read()` returns in a thread of its own, with its own database connection, as another worker's request."""
    results = []

    def run():
        try:
            results.append(read())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return results[0]


@pytest.mark.django_db(transaction=True)
def test_a_page_read_while_a_snippet_is_being_saved_is_fresh_once_the_save_commits(home_page):
    library = ResourceIndexPageFactory(parent=home_page)
    resource = ResourcePageFactory(parent=library)
    resource.topics.add("grooming")
    resource.save_revision().publish()
    visitor = Client()
    assert ">grooming<" in page_text(visitor, "/resources/")

    with transaction.atomic():  # as the snippet editor saves
        tag = Tag.objects.get(name="grooming")
        tag.name = "Online grooming"
        tag.save()
        # Another visitor's request, before the save commits, still reads the old name.
        assert ">grooming<" in in_another_connection(lambda: page_text(Client(), "/resources/"))

    assert ">Online grooming<" in page_text(visitor, "/resources/")


class TestWhatCannotBypassOrFillTheCache:
    """A cookie or a parameter anyone can make up gets the cached page: it neither costs a
    rendered page nor leaves a copy behind."""

    @pytest.mark.parametrize(
        "cookie",
        [
            {"sessionid": "bogus"},
            {"sessionid": "k3x9q2m7v8w1z4r6t5y0u2i8o3p7a1s9"},  # as Django's keys look, but no session's
            {"messages": "bogus"},
        ],
    )
    def test_a_made_up_cookie_gets_the_cached_page(self, client, home_page, django_assert_num_queries, cookie):
        first = page_text(client, "/")
        visitor = Client()
        visitor.cookies.load(cookie)
        page_text(visitor, "/")  # a session key is looked up once

        with django_assert_num_queries(0):
            assert page_text(visitor, "/") == first

    def test_a_real_session_still_gets_its_own_page(self, client, home_page, admin_user):
        page_text(client, "/")
        editor = Client()
        editor.force_login(admin_user)

        for _ in range(2):  # the session is looked up, then remembered
            assert "wagtail-userbar" in editor.get("/").content.decode()

    def test_a_thousand_made_up_parameters_get_the_cached_page_and_store_nothing(
        self, client, home_page, django_assert_num_queries
    ):
        NewsIndexPageFactory(parent=home_page)
        first = page_text(client, "/news/")
        stored = len(caches["default"]._cache)  # LocMemCache's entries: what the page cache holds

        with django_assert_num_queries(0):
            for _ in range(1000):
                assert page_text(client, f"/news/?utm_{secrets.token_hex(4)}={secrets.token_hex(8)}") == first

        assert len(caches["default"]._cache) == stored

    def test_a_page_number_the_listing_does_not_have_stores_no_copy(self, client, home_page):
        NewsIndexPageFactory(parent=home_page)  # no articles: one page
        page_text(client, "/news/")
        page_text(client, "/")
        stored = len(caches["default"]._cache)

        for number in ("2", "99999", "-1", "x", "01"):  # each answered with page 1
            page_text(client, f"/news/?page={number}")
        page_text(client, f"/?page={secrets.randbelow(10**6)}")  # a page with no listing

        assert len(caches["default"]._cache) == stored

    def test_a_listing_page_asked_for_by_its_number_is_stored(self, client, home_page, django_assert_num_queries):
        NewsIndexPageFactory(parent=home_page)
        first = page_text(client, "/news/?page=1")

        with django_assert_num_queries(0):
            assert page_text(client, "/news/?page=1") == first

    def test_a_made_up_parameter_on_a_page_not_yet_cached_renders_it_without_storing_it(self, client, home_page):
        NewsIndexPageFactory(parent=home_page)
        page_text(client, "/news/?utm_source=newsletter")

        with CaptureQueriesContext(connection) as queries:
            page_text(client, "/news/")

        assert len(queries) > 0

    def test_the_parameters_pages_read_keep_their_own_copies(self, client, home_page):
        library = ResourceIndexPageFactory(parent=home_page)
        for slug, topic in (("on-grooming", "grooming"), ("on-hotlines", "hotlines")):
            resource = ResourcePageFactory(parent=library, slug=slug, title=f"About {topic}")
            resource.topics.add(topic)
            resource.save_revision().publish()

        for _ in range(2):  # rendered, then from the cache
            filtered = page_text(client, "/resources/?topic=grooming&utm_source=x")
            assert "About grooming" in filtered and "About hotlines" not in filtered
            assert "About hotlines" in page_text(client, "/resources/")

    @pytest.mark.parametrize("form", [NewsFilterForm, LibraryFilterForm, DirectoryFilterForm, CountryForm])
    def test_every_filter_a_listing_offers_is_a_parameter_the_cache_keeps(self, form):
        assert set(form.base_fields) <= PAGE_PARAMETERS
