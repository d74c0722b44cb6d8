"""A developer's machine: DEBUG on, a fixed local secret, everything else from base."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-secret-key-never-used-in-production"
# Static files straight from the source folders, so no collectstatic is needed.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Static files come from the source folders through the finders; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Whitenoise serves them (above), so runserver's own static handler, which would answer a
# missing file with Django's debug page, stays out of the way (whitenoise's documented way).
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]  # noqa: F405
