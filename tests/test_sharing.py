"""How the site looks when it is shared or read by a search engine: the picture, the title, the data."""

import json
import os
from html import unescape
from io import BytesIO
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.core.management import call_command
from PIL import Image
from wagtail.models import Page

from tests.factories.home import StandardPageFactory
from website.models import TITLE_LENGTH, SiteSettings
from website.sharing import GENERATED_SOCIAL_IMAGE_TITLE

pytestmark = pytest.mark.django_db


def live_page_paths():
    return [page.url for page in Page.objects.live().filter(depth__gte=2).specific()]


def meta(html, attribute, name):
    marker = f'<meta {attribute}="{name}" content="'
    assert marker in html, f"no {name}"
    return html.split(marker, 1)[1].split('"', 1)[0]


def structured_data(html):
    return [json.loads(block.split("</script>")[0]) for block in html.split('<script type="application/ld+json">')[1:]]


def test_every_page_is_shared_with_a_large_picture_that_loads(client, initial_content):
    for path in live_page_paths():
        html = client.get(path).content.decode()
        assert meta(html, "name", "twitter:card") == "summary_large_image", path
        assert meta(html, "property", "og:image:alt"), path
        assert (meta(html, "property", "og:image:width"), meta(html, "property", "og:image:height")) == ("1200", "630")
        image_url = meta(html, "property", "og:image")
        assert image_url.startswith("http"), path
    picture = client.get(urlsplit(image_url).path)
    assert picture.status_code == 200
    assert Image.open(BytesIO(b"".join(picture.streaming_content))).size == (1200, 630)


def test_the_generated_card_is_made_once_and_never_replaces_an_editors_choice(initial_content):
    site_settings = SiteSettings.objects.get()
    generated = site_settings.default_social_image
    assert generated.title == GENERATED_SOCIAL_IMAGE_TITLE
    assert (generated.width, generated.height) == (1200, 630)

    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    assert SiteSettings.objects.get().default_social_image == generated

    chosen = wagtail_factories.ImageFactory(title="Summit 2024 panel", width=1600, height=900)
    site_settings.default_social_image = chosen
    site_settings.save()
    call_command("load_initial_content", stdout=open(os.devnull, "w"))
    assert SiteSettings.objects.get().default_social_image == chosen


def test_a_page_with_its_own_picture_is_shared_with_it(client, initial_content):
    page = StandardPageFactory(parent=initial_content, slug="summit", title="Summit")
    page.social_image = wagtail_factories.ImageFactory(title="Summit hall", description="The summit hall, full")
    page.save_revision().publish()
    own = client.get("/summit/").content.decode()
    other = client.get("/about/").content.decode()
    assert meta(own, "property", "og:image") != meta(other, "property", "og:image")
    assert meta(own, "property", "og:image:alt") == "The summit hall, full"


def test_the_organisation_names_its_logo_and_social_accounts(client, initial_content):
    site_settings = SiteSettings.objects.get()
    site_settings.linkedin_url = "https://www.linkedin.com/company/alliance-example/"
    site_settings.save()
    organisation = structured_data(client.get("/").content.decode())[0]
    assert organisation["@type"] == "Organization"
    assert organisation["sameAs"] == ["https://www.linkedin.com/company/alliance-example/"]
    logo = client.get(urlsplit(organisation["logo"]).path)
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"


def test_pages_with_breadcrumbs_describe_the_trail(client, initial_content):
    html = client.get("/model-national-response/victim/").content.decode()
    (trail,) = [data for data in structured_data(html) if data["@type"] == "BreadcrumbList"]
    names = [item["name"] for item in trail["itemListElement"]]
    assert names[0] == "Home"
    assert names[-1] in html.split('aria-current="page">')[1]
    assert [item["position"] for item in trail["itemListElement"]] == list(range(1, len(names) + 1))
    assert all(item["item"].startswith("http") and item["item"].endswith("/") for item in trail["itemListElement"])
    assert not [
        data for data in structured_data(client.get("/").content.decode()) if data["@type"] == "BreadcrumbList"
    ]


def test_every_title_fits_what_search_engines_show(client, initial_content):
    StandardPageFactory(parent=initial_content, slug="long", title="A very long page title " * 5)
    for path in live_page_paths():
        title = unescape(client.get(path).content.decode().split("<title>")[1].split("</title>")[0])
        assert len(title) <= TITLE_LENGTH, (path, title)


def test_an_editors_seo_title_is_used_as_written(client, initial_content):
    page = StandardPageFactory(parent=initial_content, slug="short", seo_title="Joining the Alliance")
    html = client.get(page.url).content.decode()
    assert "<title>Joining the Alliance</title>" in html
