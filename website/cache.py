"""One site-wide content version: every cached page and fragment is keyed by it.

Any change an editor makes (publishing, unpublishing, moving or deleting a page; saving
a snippet, a site setting, an image or a document) bumps the version, so everything
cached before is simply never read again. No list of keys to invalidate, nothing stale.
The version lives in the "shared" cache, so a publish seen by one gunicorn worker is
seen by every other at once; the pages themselves stay in each worker's fast memory.
"""

import time

from django.core.cache import cache, caches

VERSION_KEY = "site-content-version"


def content_version():
    shared = caches["shared"]
    version = shared.get(VERSION_KEY)
    if version is None:
        # A fresh cache (or an evicted key) starts a new version, never an old one.
        version = time.time_ns()
        shared.add(VERSION_KEY, version, timeout=None)
        version = shared.get(VERSION_KEY, version)
    return version


def bump_content_version(**kwargs):
    """Signal receiver: whatever changed, every cached page is fresh again at once."""
    caches["shared"].set(VERSION_KEY, time.time_ns(), timeout=None)


def cached_for_content(key, compute, timeout=3600):
    """`compute()`'s result, cached until the content next changes."""
    versioned_key = f"{key}:{content_version()}"
    value = cache.get(versioned_key)
    if value is None:
        value = compute()
        cache.set(versioned_key, value, timeout)
    return value
