"""The library `load_initial_content` builds: the Alliance's real publications, and nothing
generated or invented, on a new site and on one built by an earlier version."""

import os
import tomllib
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils.text import slugify
from wagtail.documents.models import Document

from resources.models import LANGUAGE_NAMES, CapabilityPage, ResourceDocument, ResourceIndexPage, ResourcePage
from tests.factories.resources import DocumentFactory, ResourcePageFactory

PUBLICATIONS = tomllib.loads(Path("resources/publications.toml").read_text())["publication"]
NOT_ALLIANCE_PUBLICATIONS = [
    "Using the Model National Response: a briefing for governments",
    "Removing abuse material quickly: a case study of hotline and industry cooperation",
    "Talking about abuse: a briefing on terminology",
    "Child helplines in a national response",
]


def load():
    call_command("load_initial_content", stdout=open(os.devnull, "w"))


def test_every_publication_links_to_its_official_page_with_no_file(client, initial_content):
    html = client.get("/resources/").content.decode()
    assert f"{len(PUBLICATIONS)} resources." in html
    for resource in ResourcePage.objects.all():
        assert resource.official_url.startswith("https://") and "weprotect.org" in resource.official_url
        assert not resource.documents.exists()
        assert resource.title in html
    for title in NOT_ALLIANCE_PUBLICATIONS:
        assert title not in html


def test_dates_and_languages_are_only_as_the_sources_give_them(client, initial_content):
    html = client.get("/resources/").content.decode()
    assert '<time datetime="2021">2021</time>' in html  # Global Threat Assessment 2021: the year alone
    assert '<time datetime="2023-10">October 2023</time>' in html
    assert '<time datetime="2023-12-20">20 December 2023</time>' in html  # the annual review's own date
    gta = client.get("/resources/global-threat-assessment-2023/").content.decode()
    assert "Published in English, French, Spanish, Portuguese, Arabic, Chinese." in gta
    unconfirmed = client.get("/resources/global-threat-assessment-2021/").content.decode()
    assert "Published in" not in unconfirmed
    languages = html[html.index('name="language"') :]
    languages = languages[: languages.index("</select>")]
    assert "Russian" not in languages and "Chinese" in languages


def test_the_library_relates_the_framework_to_every_capability(initial_content):
    framework_resource = ResourcePage.objects.get(slug="model-national-response")
    assert framework_resource.related_capabilities.count() == CapabilityPage.objects.count() == 21


def old_generated_resource(index, slug, title, languages=("en",)):
    """A resource as earlier versions seeded it: a one-page PDF of its summary in each language."""
    resource = ResourcePageFactory(parent=index, slug=slug, title=title, with_document=False)
    for language in languages:
        label = title if language == "en" else f"{title} ({LANGUAGE_NAMES[language]})"
        pdf = ContentFile(b"%PDF-1.3\n" + b"x" * 1400, name=f"{slugify(label)[:80]}.pdf")
        document = Document.objects.create(title=label, file=pdf)  # no size or hash, as then
        ResourceDocument.objects.create(page=resource, document=document, language=language)
    return resource


@pytest.fixture
def site_from_an_earlier_version(home_page):
    index = ResourceIndexPage(title="Resources", slug="resources", introduction="The library.")
    home_page.add_child(instance=index)
    old_generated_resource(index, "terminology-briefing", "Talking about abuse: a briefing on terminology")
    old_generated_resource(index, "global-threat-assessment-2019", "Global Threat Assessment 2019", ["en", "fr", "ar"])
    old_generated_resource(index, "global-threat-assessment-2023", "Global Threat Assessment 2023")
    # What an editor did meanwhile: a resource of their own, and a real file on an old seeded slug.
    ResourcePageFactory(parent=index, slug="our-own-report", title="Our own report")
    kept = ResourcePageFactory(parent=index, slug="child-helplines-guidance", title="Helplines", with_document=False)
    real = DocumentFactory(title="Child helplines in a national response", file=ContentFile(b"%PDF" + b"y" * 20000,
                           name="child-helplines-in-a-national-response.pdf"))  # fmt: skip
    ResourceDocument.objects.create(page=kept, document=real, language="en")
    return index


def test_an_earlier_sites_generated_resources_and_files_are_removed_and_the_real_ones_added(
    client, site_from_an_earlier_version, django_capture_on_commit_callbacks
):
    generated_files = [document.file.name for document in Document.objects.filter(file_size__isnull=True)]
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail removes a file once the deletion commits
        load()
    load()  # and again: nothing more changes
    slugs = set(ResourcePage.objects.values_list("slug", flat=True))
    assert "terminology-briefing" not in slugs and "global-threat-assessment-2019" not in slugs
    assert {"our-own-report", "child-helplines-guidance"} <= slugs  # the editor's, untouched
    assert {publication["slug"] for publication in PUBLICATIONS} <= slugs
    assert ResourcePage.objects.filter(slug="global-threat-assessment-2023").get().official_url  # the real one
    assert len(slugs) == len(PUBLICATIONS) + 2
    titles = set(Document.objects.values_list("title", flat=True))
    assert "Talking about abuse: a briefing on terminology" not in titles
    assert "Global Threat Assessment 2019 (French)" not in titles
    assert "Child helplines in a national response" in titles  # a real file, kept
    storage = Document._meta.get_field("file").storage
    assert generated_files and not any(storage.exists(name) for name in generated_files)
    assert "Talking about abuse" not in client.get("/resources/").content.decode()


def test_text_seeded_by_an_earlier_version_is_updated_unless_an_editor_changed_it(initial_content):
    from resources.content import GUIDANCE, OLD_GUIDANCE
    from website.content import paragraphs

    as_seeded, edited = CapabilityPage.objects.order_by("number")[:2]
    as_seeded.guidance = paragraphs(OLD_GUIDANCE)
    edited.guidance = "<p>Our own guidance.</p>"
    for capability in (as_seeded, edited):
        capability.save_revision().publish()
    load()
    as_seeded.refresh_from_db()
    edited.refresh_from_db()
    assert as_seeded.guidance == paragraphs(GUIDANCE)
    assert edited.guidance == "<p>Our own guidance.</p>"
