"""The interface's translations: every catalogue complete and up to date with the code, and the
marked strings really coming out in French, Spanish and Arabic once a language is active: some
tests switch it themselves, others read the help finder's pages at /fr/, /es/ and /ar/ as a
visitor does.
"""

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from helpfinder.models import Audience, ServiceKind
from membership.forms import EnquiryDetailsForm
from tests.factories.helpfinder import HelpFinderPageFactory, ServiceFactory
from tests.factories.translations import translate
from website.views import server_error

LANGUAGES = ["fr", "es", "ar"]
LOCALE = Path(settings.BASE_DIR) / "locale"
# What makemessages leaves out, as in the Makefile and the README: no strings of ours live there.
NOT_SCANNED = [".venv", "var", "media", "bench", "tests"]

needs_gettext = pytest.mark.skipif(
    not shutil.which("msgfmt"), reason="GNU gettext (msgfmt) is not installed: apt-get install gettext"
)


def catalogue(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


@needs_gettext
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    """msgfmt counts translated, fuzzy and untranslated entries, and checks that each translation
    keeps its placeholders (%(name)s) and, in Arabic, fills all six plural forms."""
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", catalogue(language)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    statistics = result.stderr.strip().splitlines()[-1]
    assert statistics.endswith(" translated messages."), f"{language}: {statistics}"
    assert "fuzzy" not in statistics and "untranslated" not in statistics


def source_copy(destination):
    """The project's own files, without the folders makemessages is told to leave alone."""
    ignore = shutil.ignore_patterns(*NOT_SCANNED, "locale", "static", ".git", "__pycache__", "node_modules")
    for item in Path(settings.BASE_DIR).iterdir():
        if item.name in NOT_SCANNED or item.name in {"locale", "static", ".git"}:
            continue
        if item.is_dir():
            shutil.copytree(item, destination / item.name, ignore=ignore)
        elif item.suffix in {".py", ".html", ".txt"}:
            shutil.copy2(item, destination / item.name)


@needs_gettext
def test_the_catalogues_hold_exactly_the_strings_the_code_marks(tmp_path, monkeypatch):
    """A string marked in a template or in Python but missing from the catalogues (or one left
    there after its code went) fails here: run the makemessages line in the README, translate."""
    source = tmp_path / "source"
    source.mkdir()
    source_copy(source)
    (source / "locale").mkdir()
    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[source / "locale"]):
        call_command("makemessages", locale=["fr"], keep_pot=True, add_location="file", verbosity=0)
    template = source / "locale" / "django.pot"
    for language in LANGUAGES:
        # msgcmp DEF REF: every message of REF is in DEF. Both ways: nothing missing, nothing stale.
        missing = subprocess.run(["msgcmp", catalogue(language), template], capture_output=True, text=True)
        assert missing.returncode == 0, f"{language}: strings not in the catalogue:\n{missing.stderr}"
        stale = subprocess.run(
            ["msgcmp", "--use-untranslated", template, catalogue(language)], capture_output=True, text=True
        )
        assert stale.returncode == 0, f"{language}: strings no longer in the code:\n{stale.stderr}"


@pytest.fixture
def compiled(tmp_path):
    """The catalogues compiled into a folder of the test's own, as `make` compiles them into locale/."""
    for language in LANGUAGES:
        folder = tmp_path / "locale" / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        subprocess.run(["msgfmt", "-o", folder / "django.mo", catalogue(language)], check=True)
    # Changing LOCALE_PATHS makes Django forget the catalogues it had loaded.
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        yield


@needs_gettext
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Exit this page"),
        ("fr", "Quitter cette page"),
        ("es", "Salir de esta página"),
        ("ar", "الخروج من هذه الصفحة"),
    ],
)
def test_the_quick_exit_speaks_the_active_language(compiled, language, words):
    with translation.override(language):
        html = render_to_string("components/quick_exit.html", {"url": "https://www.bbc.co.uk/weather"})
    assert words in html


@needs_gettext
def test_the_membership_form_asks_and_answers_in_french_and_arabic(compiled):
    """Labels, hints and the messages for a missing answer, as an applicant reads them."""
    with translation.override("fr"):
        form = EnquiryDetailsForm(data={}, page=None)
        form.is_valid()
        assert str(form.fields["organisation_name"].label) == "Nom de l'organisation"
        assert form.errors["organisation_name"] == ["Indiquez le nom de votre organisation"]
        assert str(form.fields["email"].help_text) == "Nous enverrons une confirmation à cette adresse."
    with translation.override("ar"):
        form = EnquiryDetailsForm(data={}, page=None)
        form.is_valid()
        assert str(form.fields["organisation_name"].label) == "اسم المنظمة"
        assert form.errors["email"] == ["أدخل عنوان بريدك الإلكتروني"]


@needs_gettext
def test_counts_take_the_plural_each_language_needs(compiled):
    """Arabic has six plural forms: one, two, a few (3-10) and many (11-99) read differently."""
    template = "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} resource.{% plural %}{{ counter }} resources.{% endblocktranslate %}"
    from django.template import Context, Template

    def say(language, n):
        with translation.override(language):
            return Template(template).render(Context({"n": n}))

    assert say("en", 1) == "1 resource." and say("en", 5) == "5 resources."
    assert say("fr", 1) == "1 ressource." and say("fr", 5) == "5 ressources."
    assert say("ar", 2) == "موردان (2)."
    assert say("ar", 5) == "5 موارد."
    assert say("ar", 11) == "11 موردًا."


# The help finder in French and Arabic: its pages as a visitor reads them at /fr/ and /ar/.


@pytest.fixture
def finder_in(home_page):
    """The How to report abuse page and its translation into a language, made and published as
    an editor does with simple_translation (the home page first)."""
    finder = HelpFinderPageFactory(parent=home_page)
    return lambda language: translate(finder, language)


def page_text(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return unescape(response.content.decode())


def option_labels(html):
    select = re.search(r'<select name="country".*?</select>', html, re.S).group()
    return re.findall(r'<option value="[a-z-]+"(?: selected)?>([^<]+)</option>', select)


@needs_gettext
def test_a_french_country_page_speaks_french_and_names_the_country_in_french(compiled, client, finder_in):
    finder_in("fr")
    ServiceFactory(country="DE", kind=ServiceKind.HOTLINE, name="jugendschutz.net", audience=Audience.ANYONE)
    ServiceFactory(country="", kind=ServiceKind.REMOVAL, name="Take It Down", languages="en, fr")

    html = page_text(client, "/fr/how-to-report-abuse/germany/")

    assert '<html lang="fr"' in html
    assert "<h1>Signaler des abus et obtenir de l'aide : Allemagne</h1>" in html
    assert "<title>Signaler des abus et obtenir de l'aide : Allemagne" in html
    assert "Services : Allemagne" in html and "Services pour tous les pays" in html
    # The need headings, in the finder's order, each before its service.
    positions = [
        html.index(text)
        for text in (
            "Signaler des images ou des vidéos sexuelles d'un enfant",
            "jugendschutz.net",
            "Faire retirer une image sexuelle de vous",
            "Take It Down",
            "Choisir un autre pays",
        )
    ]
    assert positions == sorted(positions)
    assert "<dt>Public</dt><dd>Tout le monde</dd>" in html
    assert "<dt>Langues</dt><dd>Anglais et Français</dd>" in html
    assert '<option value="germany" selected>Allemagne</option>' in html  # the address stays English
    assert "Afficher les services" in html


@needs_gettext
def test_an_arabic_country_page_speaks_arabic_right_to_left(compiled, client, finder_in):
    finder_in("ar")
    ServiceFactory(country="DE", kind=ServiceKind.HELPLINE, name="Nummer gegen Kummer", audience=Audience.CHILDREN)

    html = page_text(client, "/ar/how-to-report-abuse/germany/")

    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>الإبلاغ عن الاعتداء والحصول على المساعدة في ألمانيا</h1>" in html
    assert "الخدمات في ألمانيا" in html
    assert "<h3>تحدّث إلى أحد: خطوط مساعدة للأطفال والشباب</h3>" in html
    assert "<dd>الأطفال والشباب</dd>" in html
    assert "<dt>اللغات</dt><dd>الإنجليزية والسواحلية</dd>" in html
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group()
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs)[-1] == "ألمانيا"


@needs_gettext
@pytest.mark.parametrize(
    ("language", "in_order"),
    [
        # "South Africa" is Afrique du Sud in French, so it comes before Albania (Albanie).
        ("fr", ["Afrique du Sud", "Albanie", "Allemagne", "Belgique", "Kenya"]),
        # Belgium, Tunisia, Kenya, the Netherlands: the order of the Arabic alphabet (ب ت ك ه), not the English one.
        ("ar", ["بلجيكا", "تونس", "كينيا", "هولندا"]),
    ],
)
def test_the_country_chooser_lists_countries_by_their_names_in_the_readers_language(
    compiled, client, finder_in, language, in_order
):
    finder_in(language)

    labels = option_labels(page_text(client, f"/{language}/how-to-report-abuse/"))

    positions = [labels.index(name) for name in in_order]
    assert positions == sorted(positions)


@needs_gettext
def test_the_finder_asks_and_answers_in_arabic(compiled, client, finder_in):
    finder_in("ar")

    html = page_text(client, "/ar/how-to-report-abuse/?country=atlantis")

    assert '<label class="form-label" for="id_country">بلدك</label>' in html
    assert '<option value="">اختر بلدًا</option>' in html
    assert "اختر بلدك من القائمة: لا نعرف هذا البلد" in html
    # What type-to-search says, for help-finder.js to fill in.
    assert 'data-status-results="عدد البلدان المطابقة: {count}."' in html
    assert "اعرض الخدمات" in html


@needs_gettext
def test_the_home_page_offers_the_finder_in_french(compiled, client, finder_in):
    finder_in("fr")

    html = page_text(client, "/fr/")

    assert "Signaler des abus et obtenir de l'aide là où vous êtes" in html
    assert '<label class="form-label" for="id_country">Votre pays</label>' in html


@needs_gettext
def test_the_page_not_found_speaks_the_language_of_the_address(compiled, client, finder_in):
    finder_in("es")

    response = client.get("/es/no-such-page/")

    html = unescape(response.content.decode())
    assert response.status_code == 404
    assert '<html lang="es"' in html
    assert "<h1>Página no encontrada</h1>" in html
    assert '<a href="/es/search/">buscar en el sitio</a>' in html  # the search in the same language
    assert "¿Busca dónde denunciar abusos u obtener ayuda?" in html


@needs_gettext
def test_an_error_page_in_arabic_is_marked_arabic_and_right_to_left(compiled, rf):
    with translation.override("ar"):
        response = server_error(rf.get("/ar/"))

    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الانتقال إلى الصفحة الرئيسية" in html
