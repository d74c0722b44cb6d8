"""The interface's translations compiled into a test's own folder, as `make` compiles them into
locale/ (compiled catalogues are not kept in the repository)."""

import contextlib
import subprocess

from django.conf import settings
from django.test import override_settings

LANGUAGES = ["fr", "es", "ar"]


@contextlib.contextmanager
def compiled_catalogues(folder):
    for language in LANGUAGES:
        compiled = folder / "locale" / language / "LC_MESSAGES"
        compiled.mkdir(parents=True)
        source = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"
        subprocess.run(["msgfmt", "-o", compiled / "django.mo", source], check=True)
    # Changing LOCALE_PATHS makes Django forget the catalogues it had loaded.
    with override_settings(LOCALE_PATHS=[folder / "locale"]):
        yield
