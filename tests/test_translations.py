"""The interface's translations: every catalogue complete and up to date with the code, and the
marked strings really coming out in French and Arabic once a language is active.

Nothing picks a visitor's language yet (issue 16), so these tests switch it themselves.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from membership.forms import EnquiryDetailsForm

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
