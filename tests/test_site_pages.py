"""The public site as a visitor meets it: every page type, the layout, SEO and error pages."""

import json
import re

import pytest
from django.db import connection
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.models import HomePage, StandardPage
from tests.factories.home import StandardPageFactory
from website.content import stream
from website.models import CustomImage, SiteSettings

EVERY_BLOCK = stream(
    ("heading", {"text": "A section", "level": "h2"}),
    ("rich_text", "<p>Some <b>rich</b> text.</p>"),
    ("quote", {"quote": "Children first.", "attribution": "A survivor"}),
    (
        "call_to_action",
        {"heading": "Join", "text": "Why.", "link": {"label": "Go", "page": None, "url": "https://example.org"}},
    ),
    ("figures", {"heading": "In numbers", "figures": [{"number": "70", "label": "countries"}]}),
    ("accordion", {"heading": "Questions", "items": [{"question": "Who?", "answer": "<p>Everyone.</p>"}]}),
    ("content_warning", {"message": "Distressing material follows."}),
    (
        "contact_card",
        {"heading": "Press", "text": "", "email": "press@example.org", "phone": "+44 20 0000 0000", "link": None},
    ),
)


@pytest.fixture
def standard_page(home_page):
    return StandardPageFactory(parent=home_page, slug="about", body=EVERY_BLOCK)


def test_every_block_of_a_standard_page_renders(client, standard_page):
    html = client.get("/about/").content.decode()
    for text in [
        "A section",
        "<b>rich</b>",
        "Children first.",
        "In numbers",
        "<summary>Who?</summary>",
        "Content warning.",
        "mailto:press@example.org",
        'href="https://example.org"',
    ]:
        assert text in html


def test_image_and_document_blocks_render_with_alt_text_and_file_details(client, home_page):
    image = CustomImage.objects.create(title="Summit", file=get_test_image_file())
    from django.core.files.base import ContentFile

    document = Document.objects.create(title="Annual report", file=ContentFile(b"%PDF-1.4 test", name="report.pdf"))
    StandardPageFactory(
        parent=home_page,
        slug="gallery",
        body=stream(
            ("image", {"image": image.pk, "alt_text": "Delegates at the summit", "caption": "The 2019 summit"}),
            ("document_link", {"document": document.pk, "label": ""}),
        ),
    )
    html = client.get("/gallery/").content.decode()
    assert 'alt="Delegates at the summit"' in html and "The 2019 summit" in html
    assert 'loading="lazy"' in html and "image/avif" in html
    assert "Annual report" in html and "(PDF, 13" in html


@pytest.mark.parametrize(
    "path", ["/", "/about/", "/what-members-do/", "/how-to-report-abuse/", "/contact/", "/privacy/", "/accessibility/"]
)
def test_every_page_from_initial_content_renders(client, initial_content, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "lorem" not in response.content.decode().lower()


def test_the_home_page_shows_every_section(client, initial_content):
    html = client.get("/").content.decode()
    for text in [
        "About 70",
        "member countries",
        "Our four areas of work",
        "What member countries work to do",
        "Fund to End Violence Against Children",
        'href="/membership/"',
        'href="/model-national-response/"',
    ]:
        assert text in html


def test_page_type_rules_keep_editors_to_what_makes_sense(home_page, standard_page):
    assert not HomePage.can_create_at(standard_page)
    assert not HomePage.can_create_at(home_page)
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(standard_page)


def test_every_field_an_editor_sees_has_help_text():
    for model in (HomePage, StandardPage, SiteSettings):
        own_fields = [
            f
            for f in model._meta.get_fields()
            if f.concrete and f.model is model and f.editable and f.name not in {"id", "page_ptr", "site"}
        ]
        for field in own_fields:
            assert field.help_text, f"{model.__name__}.{field.name} has no help text"


@pytest.mark.parametrize(
    "path",
    ["/", "/about/", "/how-to-report-abuse/", "/how-to-report-abuse/kenya/", "/search/?q=children", "/no-such-page/"],
)
def test_public_pages_stay_within_the_query_budget(client, initial_content, django_assert_max_num_queries, path):
    client.get(path)  # the first request warms Wagtail's per-process caches (site root paths)
    with django_assert_max_num_queries(10):
        client.get(path)


def test_layout_skip_link_then_quick_exit_then_landmarks(client, initial_content):
    html = client.get("/about/").content.decode()
    skip, exit_link, header = html.index('class="skip-link"'), html.index("data-quick-exit"), html.index("<header")
    assert skip < exit_link < header
    assert 'href="https://www.bbc.co.uk/weather"' in html
    for landmark in ["<header", "<nav", '<main id="main"', "<footer"]:
        assert landmark in html
    assert 'aria-label="Breadcrumb"' in html


def test_the_menu_follows_the_tree_and_marks_the_current_section(client, initial_content):
    html = client.get("/about/").content.decode()
    menu = html[html.index('aria-label="Main"') :]
    menu = menu[: menu.index("</nav>")]
    titles = re.findall(r">([^<]+)</a>", menu)
    live_in_menu = [p.title for p in initial_content.get_children().live().in_menu()]
    assert titles == live_in_menu
    assert 'aria-current="page">About the Alliance' in menu


def test_footer_comes_from_the_site_settings(client, initial_content):
    site_settings = SiteSettings.for_site(initial_content.get_site())
    site_settings.contact_email = "hello@alliance.example"
    site_settings.linkedin_url = "https://www.linkedin.com/company/example"
    site_settings.save()
    footer = client.get("/").content.decode().split("<footer")[1]
    for text in [
        "hello@alliance.example",
        "LinkedIn",
        "Privacy notice",
        "Accessibility statement",
        "How to report abuse",
    ]:
        assert text in footer


def test_seo_tags_on_an_inner_page(client, initial_content):
    html = client.get("/about/").content.decode()
    assert "<title>About the Alliance | WePROTECT Global Alliance</title>" in html
    assert '<meta name="description" content="An international movement' in html
    assert '<link rel="canonical" href="http://testserver/about/">' in html  # WAGTAILADMIN_BASE_URL in tests
    assert '<meta property="og:title" content="About the Alliance">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_home_page_describes_the_organisation_in_json_ld(client, initial_content):
    html = client.get("/").content.decode()
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Organization"
    assert data["name"].startswith("WePROTECT Global Alliance")


def test_robots_txt_disallows_search_names_the_sitemap_and_not_the_admin(client, initial_content):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /search/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "admin" not in text


def test_sitemap_lists_every_live_page(client, initial_content):
    StandardPageFactory(parent=initial_content, slug="draft-page", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    for page in Page.objects.live().filter(depth__gte=2):
        assert f"<loc>{page.full_url}</loc>" in xml
    assert "draft-page" not in xml


def test_a_missing_page_gets_the_sites_404(client, initial_content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and "Exit this page" in html


def test_the_error_pages_render_while_the_database_is_down(initial_content, rf):
    from unittest import mock

    from django.db.utils import OperationalError
    from django.test import Client

    from website.views import server_error

    client = Client(raise_request_exception=False)
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("database unavailable")):
        unavailable = client.get("/about/")
        failed = server_error(rf.get("/about/"))

    assert unavailable.status_code == 503
    assert "The site is briefly unavailable" in unavailable.content.decode()
    assert failed.status_code == 500
    assert "Sorry, something went wrong" in failed.content.decode()
    assert "Exit this page" in failed.content.decode()


def test_search_finds_pages_and_keeps_the_query(client, initial_content):
    html = client.get("/search/", {"q": "hotline"}).content.decode()
    assert 'value="hotline"' in html
    assert "How to report abuse" in html and "result" in html


def test_search_without_results_says_so(client, initial_content):
    html = client.get("/search/", {"q": "xylophoneorchestra"}).content.decode()
    assert "No pages match" in html


@pytest.mark.parametrize(
    "query", ["x" * 1000, "   ", '"unbalanced', "AND OR NOT", "<script>alert(1)</script>", "*)(&^%"]
)
def test_odd_search_queries_give_a_normal_page(client, initial_content, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_results_are_paginated(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, slug=f"report-{number}", title=f"Hotline report {number}")
    first = client.get("/search/", {"q": "hotline"}).content.decode()
    second = client.get("/search/", {"q": "hotline", "page": 2}).content.decode()
    assert "Page 1 of 2" in first and 'rel="next"' in first
    assert "Page 2 of 2" in second


def test_every_page_the_content_build_makes_can_be_saved_by_an_editor_as_it_is(initial_content):
    """What load_initial_content writes passes the same validation as the editor's form."""
    from wagtail.fields import StreamField

    for page in Page.objects.live().specific():
        page.full_clean()
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                field.stream_block.clean(getattr(page, field.name))
