"""Settings for a queue worker a test starts as a process of its own: the test's database
(SQLITE_PATH or DATABASE_URL), the mail server EMAIL_URL names, and SQLite's busy timeout
cut to a second, so a test can lock the database for longer than it without waiting long."""

from website.settings.test import *  # noqa: F403

MAILERS = {"default": mailer_from_environment()}  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, "timeout": 1}  # noqa: F405
