"""The site in English, French, Spanish and Arabic as a visitor and a search engine find it: every
page type in every language, the language switcher, hreflang, the sitemap, the menus, search,
and the page cache kept per language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, get_page_models

from helpfinder.models import HelpFinderPage
from news.models import ArticlePage
from tests.factories.translations import translate

LANGUAGES = ["fr", "es", "ar"]
NAMES = {"en": "English", "fr": "français", "es": "español", "ar": "العربيّة"}
SWITCHER_LINK = re.compile(r'<a href="([^"]*)" lang="(\w+)" hreflang="\2"( aria-current="page")?>([^<]*)</a>')
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">')


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def switcher(page_html):
    """{language: address} of the language switcher's links, and the language marked current."""
    if 'class="language-switcher"' not in page_html:
        return {}, None
    nav = page_html[page_html.index('class="language-switcher"') :]
    links = SWITCHER_LINK.findall(nav[: nav.index("</nav>")])
    for _url, language, _current, name in links:
        assert name == NAMES[language]
    current = [language for _url, language, is_current, _name in links if is_current]
    return {language: url for url, language, _current, _name in links}, current[0] if current else None


def hreflangs(page_html):
    return dict(HREFLANG.findall(page_html))


def menu(page_html):
    """Each link of the main menu: (address, title, the link's own lang or "")."""
    nav = page_html[page_html.index('class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    return [
        (url, title, language)
        for url, language, title in re.findall(
            r'<a href="([^"]*)"(?: lang="(\w+)" hreflang="\w+")?[^>]*>([^<]*)</a>', nav
        )
    ]


def one_page_of_each_type(home):
    pages = {}
    for page in home.get_descendants(inclusive=True).live().specific().order_by("path"):
        pages.setdefault(type(page), page)
    return pages


@pytest.fixture
def translated_site(initial_content):
    """One page of every type, translated into French, Spanish and Arabic and published."""
    pages = one_page_of_each_type(initial_content)
    translations = {
        (model, language): translate(page, language) for model, page in pages.items() for language in LANGUAGES
    }
    return pages, translations


def queries_to_render(client, url):
    """The queries a page costs once the site's shared lookups are warm: rendered at an address the
    page cache has not seen, after a first visit to the page at another."""
    client.get(url, {"visit": "first"})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"visit": "second"})
    return response, len(captured)


def test_the_site_has_a_page_of_every_type_to_translate(initial_content):
    page_types = {model for model in get_page_models() if model is not Page}
    assert page_types == set(one_page_of_each_type(initial_content))


def test_every_page_type_renders_in_every_language_within_its_query_budget(client, translated_site):
    pages, translations = translated_site
    for model, page in pages.items():
        english, english_queries = queries_to_render(client, page.url)
        assert english.status_code == 200
        for language in LANGUAGES:
            translation = translations[model, language]
            assert translation.url.startswith(f"/{language}/")
            response, queries = queries_to_render(client, translation.url)
            assert response.status_code == 200, translation.url
            assert f'<html lang="{language}"' in response.content.decode()
            # Wagtail looks up the home page's translation before routing to a page in another language:
            # one query more than the English page, and no more.
            assert queries <= english_queries + 1, f"{model.__name__} in {language}: {queries} ({english_queries})"


def test_the_switcher_links_to_each_translation_and_only_those_that_exist(client, translated_site):
    pages, translations = translated_site
    for model, page in pages.items():
        expected = {"en": page.url} | {language: translations[model, language].url for language in LANGUAGES}
        for language, url in expected.items():
            links, current = switcher(html(client, url))
            assert links == expected, url
            assert current == language
    for url in expected.values():  # every link it offers opens
        assert client.get(url).status_code == 200


def test_the_switcher_leaves_out_a_translation_taken_offline_at_once(client, translated_site):
    pages, translations = translated_site
    standard = pages[type(Page.objects.get(url_path="/home/about/").specific)]
    assert set(switcher(html(client, standard.url))[0]) == {"en", "fr", "es", "ar"}  # and cached

    translations[type(standard), "es"].unpublish()

    links, _ = switcher(html(client, standard.url))
    assert set(links) == {"en", "fr", "ar"}
    assert "es" not in hreflangs(html(client, translations[type(standard), "fr"].url))
    assert client.get(translations[type(standard), "es"].url).status_code == 404


def test_a_translation_made_private_leaves_the_switcher_at_once(client, initial_content):
    about = Page.objects.get(url_path="/home/about/").specific
    french = translate(about, "fr")
    assert set(switcher(html(client, "/about/"))[0]) == {"en", "fr"}

    PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.PASSWORD, password="secret")

    assert switcher(html(client, "/about/")) == ({}, None)
    assert "/fr/about/" not in html(client, "/sitemap.xml")


def test_a_page_with_no_translation_has_no_switcher_but_names_itself_in_hreflang(client, initial_content):
    page_html = html(client, "/contact/")
    assert switcher(page_html) == ({}, None)
    assert hreflangs(page_html) == {"en": "http://testserver/contact/", "x-default": "http://testserver/contact/"}


def test_every_page_names_its_translations_in_hreflang_with_english_as_the_default(client, translated_site):
    pages, translations = translated_site
    for model, page in pages.items():
        expected = {"en": page.full_url} | {language: translations[model, language].full_url for language in LANGUAGES}
        expected["x-default"] = page.full_url
        for url in (page.url, translations[model, "ar"].url):
            assert hreflangs(html(client, url)) == expected, url


def test_a_country_of_the_finder_links_to_the_same_country_in_each_language(client, translated_site):
    pages, translations = translated_site
    french = translations[HelpFinderPage, "fr"]
    page_html = html(client, french.url + "kenya/")

    links, current = switcher(page_html)
    assert current == "fr"
    assert links == {
        "en": "/how-to-report-abuse/kenya/",
        "fr": "/fr/how-to-report-abuse/kenya/",
        "es": "/es/how-to-report-abuse/kenya/",
        "ar": "/ar/how-to-report-abuse/kenya/",
    }
    assert hreflangs(page_html)["x-default"] == "http://testserver/how-to-report-abuse/kenya/"
    assert hreflangs(page_html)["es"] == "http://testserver/es/how-to-report-abuse/kenya/"


def test_the_sitemap_lists_every_language_with_its_alternates(client, translated_site):
    xml = html(client, "/sitemap.xml")
    entries = {
        loc: dict(re.findall(r'hreflang="([\w-]+)" href="([^"]*)"', body))
        for loc, body in re.findall(r"<url><loc>([^<]+)</loc>(.*?)</url>", xml)
    }
    about = {
        "en": "http://testserver/about/",
        "fr": "http://testserver/fr/about/",
        "es": "http://testserver/es/about/",
        "ar": "http://testserver/ar/about/",
        "x-default": "http://testserver/about/",
    }
    assert entries["http://testserver/about/"] == about
    assert entries["http://testserver/ar/about/"] == about
    kenya = entries["http://testserver/fr/how-to-report-abuse/kenya/"]
    assert kenya["en"] == kenya["x-default"] == "http://testserver/how-to-report-abuse/kenya/"
    assert entries["http://testserver/contact/"] == {
        "en": "http://testserver/contact/",
        "x-default": "http://testserver/contact/",
    }
    assert len(entries) == len(re.findall("<loc>", xml))  # each address once


def test_a_translated_page_has_its_languages_menu_breadcrumbs_and_footer(client, initial_content):
    board = Page.objects.get(url_path="/home/about/board/").specific
    french_board = translate(board, "fr", title="Conseil d'administration")
    about_french = french_board.get_parent()
    privacy = translate(Page.objects.get(url_path="/home/privacy/").specific, "fr", title="Confidentialité")

    page_html = html(client, french_board.url)

    items = menu(page_html)
    assert (about_french.url, about_french.title, "") in items  # the translated section
    assert ("/resources/", "Resources", "en") in items  # the others in English, marked as English
    assert len(items) == len(initial_content.get_children().live().in_menu())
    assert '<a href="/fr/about/" aria-current="true">' in page_html  # the current section, in French
    assert '<li><a href="/fr/">Accueil</a></li>' in page_html or '<li><a href="/fr/">Home</a></li>' in page_html
    assert f'<li><a href="{about_french.url}">{about_french.title}</a></li>' in page_html
    assert f'<a href="{privacy.url}">Confidentialité</a>' in page_html  # the footer's page, translated
    assert '<a href="/contact/" lang="en" hreflang="en">' in page_html
    assert 'action="/fr/search/"' in page_html
    assert '<a class="brand" href="/fr/">' in page_html


def test_a_parent_left_untranslated_is_linked_in_english(client, initial_content):
    """Wagtail translates a deep page's untranslated parents as aliases of the English pages: no
    translations, so the trail leads to the English parent instead, and the alias is never served."""
    from wagtail.models import Locale

    leadership = Page.objects.get(url_path="/home/model-national-response/policy-and-governance/leadership/")
    translate(initial_content, "es")
    spanish = leadership.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    spanish.save_revision().publish()
    spanish.refresh_from_db()

    page_html = html(client, spanish.url)

    assert '<a href="/model-national-response/" hreflang="en" lang="en">Model National Response</a>' in page_html
    parent_alias = spanish.get_parent()
    assert parent_alias.alias_of_id is not None
    assert client.get(parent_alias.url).status_code == 404


def test_the_latest_news_on_a_translated_home_page_is_marked_as_english_where_untranslated(client, initial_content):
    articles = list(ArticlePage.objects.live().order_by(*ArticlePage.NEWEST_FIRST)[:2])
    french_home = translate(initial_content, "fr")
    translate(articles[0], "fr", title="Un article en français")

    page_html = html(client, french_home.url)

    assert re.search(r'<h3><a href="/fr/news/[^"]+">Un article en français</a></h3>', page_html)
    assert f'<h3 lang="en"><a href="{articles[1].url}">{articles[1].title}</a></h3>' in page_html
    assert articles[0].title not in page_html  # one version of each article, the visitor's own


def test_search_finds_the_pages_of_the_visitors_language(client, initial_content):
    privacy = Page.objects.get(url_path="/home/privacy/").specific
    translate(privacy, "fr", title="Protection des données personnelles")

    french_html = html(client, "/fr/search/?q=personnelles")
    assert "Protection des données personnelles" in french_html
    assert "/fr/privacy/" in french_html
    assert 'action="/fr/search/"' in french_html
    assert '<a href="/search/?q=personnelles" hreflang="en">' in french_html  # the same search in English

    english_results = html(client, "/search/?q=privacy")
    assert 'href="/privacy/"' in english_results and "/fr/privacy/" not in english_results
    assert "Protection des données" not in html(client, "/search/?q=personnelles")

    links, current = switcher(french_html)
    assert current == "fr"
    assert links == {
        "en": "/search/?q=personnelles",
        "fr": "/fr/search/?q=personnelles",
        "es": "/es/search/?q=personnelles",
        "ar": "/ar/search/?q=personnelles",
    }


def test_each_language_of_a_page_is_cached_on_its_own(client, initial_content, django_assert_num_queries):
    about = Page.objects.get(url_path="/home/about/").specific
    french = translate(about, "fr", title="À propos de l'Alliance")
    english_html, french_html = html(client, "/about/"), html(client, french.url)

    with django_assert_num_queries(0):
        assert html(client, "/about/") == english_html
        assert html(client, french.url) == french_html
    assert "À propos de l&#x27;Alliance" in french_html and "À propos" not in english_html.split("<main")[1]


def test_publishing_a_translation_shows_at_once_on_every_language(client, initial_content):
    about = Page.objects.get(url_path="/home/about/").specific
    french = translate(about, "fr", publish=False)
    assert switcher(html(client, "/about/")) == ({}, None)  # cached without one

    french.get_latest_revision().publish()

    assert set(switcher(html(client, "/about/"))[0]) == {"en", "fr"}
    assert "/fr/about/" in html(client, "/sitemap.xml")


def test_english_has_one_address_only(client, initial_content):
    assert client.get("/en/about/").status_code == 404
    assert client.get("/about/").status_code == 200


def test_robots_txt_keeps_the_search_of_every_language_out_of_search_engines(client, initial_content):
    text = html(client, "/robots.txt")
    for search in ("/search/", "/fr/search/", "/es/search/", "/ar/search/"):
        assert f"Disallow: {search}\n" in text
