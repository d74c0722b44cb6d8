"""Production: everything from the environment; refuses to start without the essentials."""

import os

from .base import *  # noqa: F403
from .base import env_list


def required(name):
    """Return the variable, or stop the process with one line naming it (no traceback)."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise SystemExit(f"Configuration error: the environment variable {name} must be set in production.")
    return value


SECRET_KEY = required("SECRET_KEY")
required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DEBUG = False
