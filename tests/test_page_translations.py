"""The pages visitors most need, in French, Spanish and Arabic, as `load_initial_content` builds them.

The catalogues (locale/<language>/pages.json) are the project's own translations, text by
text; these tests hold them to the English pages and check what a visitor then reads.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Locale, Page

from home.models import HomePage
from website import page_translations

LANGUAGES = ["fr", "es", "ar"]
PAGES = {
    "": "/",
    "how-to-report-abuse": "/how-to-report-abuse/",
    "membership": "/membership/",
    "privacy": "/privacy/",
    "accessibility": "/accessibility/",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_translates_every_text_of_the_pages(initial_content, language):
    catalogue = page_translations.load_catalogue(language)
    assert catalogue is not None, f"locale/{language}/pages.json is missing"
    for path, page in page_translations.english_pages(initial_content).items():
        texts = catalogue.get(path, {})
        untranslated = [text for text in page_translations.source_texts(page) if not texts.get(text)]
        assert not untranslated, f"{language}, /{path}: no translation for {untranslated[:3]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_translated_page_is_published_at_its_languages_address(client, initial_content, language):
    catalogue = page_translations.load_catalogue(language)
    for path, english_address in PAGES.items():
        response = client.get(f"/{language}{english_address}")
        assert response.status_code == 200, f"/{language}{english_address}"
        english = Page.objects.get(url_path=initial_content.url_path + (f"{path}/" if path else "")).specific
        title = catalogue[path][english.seo_title or english.title]
        assert f"<title>{escape(title)}".encode() in response.content
        assert f'lang="{language}"'.encode() in response.content


def test_arabic_pages_are_written_right_to_left(client, initial_content):
    response = client.get("/ar/membership/")
    assert b'<html lang="ar" dir="rtl">' in response.content
    assert b'dir="rtl"' not in client.get("/fr/membership/").content


def test_links_between_translated_pages_stay_in_the_language(initial_content):
    """The home page's "Become a member" leads to the French membership page, not the English one."""
    french_home = HomePage.objects.get(locale__language_code="fr")
    addresses = [block.value["url"] for block in french_home.hero_actions]
    assert "/fr/membership/" in addresses
    assert "/membership/" not in addresses


def translate_one_page(home, language, texts):
    locale, _ = Locale.objects.get_or_create(language_code=language)
    pages = page_translations.english_pages(home)
    page_translations.translate_pages({"": pages[""], "privacy": pages["privacy"]}, locale, {"privacy": texts})
    return pages["privacy"].get_translation(locale).specific


def test_a_text_without_translation_stays_in_english_until_one_is_given(initial_content):
    english = page_translations.english_pages(initial_content)["privacy"]
    texts = {english.title: "Política de privacidad"}
    Page.objects.get(locale__language_code="es", depth=2).delete()  # the Spanish home, with its pages
    privacy = translate_one_page(initial_content, "es", texts)
    assert privacy.title == "Política de privacidad"
    assert privacy.introduction == english.introduction
    assert privacy.live and privacy.url == "/es/privacy/"


def test_building_again_keeps_an_editors_translation(initial_content):
    french_privacy = Page.objects.get(url_path__endswith="/privacy/", locale__language_code="fr").specific
    french_privacy.title = "Notre politique de confidentialité"
    french_privacy.save_revision().publish()

    call_command("load_initial_content", stdout=open("/dev/null", "w"))

    assert Page.objects.filter(url_path__endswith="/privacy/", locale__language_code="fr").count() == 1
    french_privacy.refresh_from_db()
    assert french_privacy.title == "Notre politique de confidentialité"


def test_the_catalogue_command_lists_every_text_and_keeps_translations(initial_content, tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "locale" / "fr").mkdir(parents=True)
    catalogue = {"privacy": {"Privacy notice": "Avis de confidentialité"}}
    page_translations.catalogue_path("fr").write_text(json.dumps(catalogue), encoding="utf-8")

    call_command("page_texts", "fr", stdout=open("/dev/null", "w"))

    written = page_translations.load_catalogue("fr")
    assert list(written) == list(PAGES)
    assert written["privacy"]["Privacy notice"] == "Avis de confidentialité"
    assert written[""]["Together we can end the sexual exploitation of children online"] == ""


@pytest.fixture
def editor_client(initial_content, client, django_user_model):
    """An editor logged in, made after the site is restored (a restore empties the tables first)."""
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "a-long-password")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def test_an_editor_translates_a_section_from_the_admin(initial_content, editor_client):
    """Translate (simple_translation) copies the About section into Spanish as drafts; once the
    editor publishes them, they are served under /es/."""
    about = Page.objects.get(url_path=initial_content.url_path + "about/")
    spanish = Locale.objects.get(language_code="es")

    form = editor_client.get(reverse("simple_translation:submit_page_translation", args=[about.pk]))
    assert form.status_code == 200
    response = editor_client.post(
        reverse("simple_translation:submit_page_translation", args=[about.pk]),
        {"locales": [spanish.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302

    translations = Page.objects.filter(locale=spanish, url_path__startswith=about.get_translation(spanish).url_path)
    assert translations.count() == about.get_descendants(inclusive=True).count()
    spanish_about = about.get_translation(spanish).specific
    assert not spanish_about.live  # a draft until the editor has translated and published it
    assert Client().get("/es/about/").status_code == 404

    spanish_about.title = "Quiénes somos"
    spanish_about.save_revision(user=None).publish()
    response = Client().get("/es/about/")
    assert response.status_code == 200
    assert "Quiénes somos" in response.content.decode()


def test_the_french_home_pages_finder_leads_to_the_french_finder(client, initial_content):
    html = client.get("/fr/").content.decode()
    assert 'action="/fr/how-to-report-abuse/"' in html
    assert 'action="/how-to-report-abuse/"' not in html
