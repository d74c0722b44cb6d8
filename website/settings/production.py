"""Production: everything from the environment; refuses to start without the essentials."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list


def required(name):
    """Return the variable, or stop the process with one line naming it (no traceback)."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise SystemExit(f"Configuration error: the environment variable {name} must be set in production.")
    return value


SECRET_KEY = required("SECRET_KEY")
required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# The site's public address, e.g. https://www.example.org: every absolute link and e-mail uses
# it (website/address.py), so a missing one would tell the world the site lives at localhost.
WAGTAILADMIN_BASE_URL = required("WAGTAILADMIN_BASE_URL").rstrip("/")
DEBUG = False

# HTTPS everywhere. SECURE_SSL_REDIRECT=0 turns the redirect off where a proxy already
# redirects (or for a loopback benchmark); SECURE_PROXY=1 trusts the proxy's
# X-Forwarded-Proto header, which only a proxy that overwrites it may be trusted with.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if BEHIND_PROXY:  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 365 * 24 * 3600
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
if not SECURE_HSTS_PRELOAD:
    # Preloading is hard to undo, so it is a deliberate opt-in, not a missing setting.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
